import Foundation

/// An instant's wall-clock fields at a fixed UTC offset, computed arithmetically (proleptic Gregorian
/// calendar, days-from-civil conversion) because pricing classifies every 15-minute interval of a year.
struct LocalTime: Sendable, Hashable {
    let year: Int
    let month: Int
    let day: Int
    let hour: Int
    let minute: Int
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    let isoWeekday: Int

    /// `YYYY-MM-DD`.
    var date: String { String(format: "%04d-%02d-%02d", year, month, day) }
    /// `YYYY-MM`, the billing month.
    var billingMonth: String { String(format: "%04d-%02d", year, month) }

    init(_ instant: Date, utcOffsetMinutes: Int) {
        let seconds = Int((instant.timeIntervalSince1970).rounded(.down)) + utcOffsetMinutes * 60
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let secondOfDay = seconds - days * 86_400
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        isoWeekday = ((days % 7 + 7) % 7 + 3) % 7 + 1
        // Civil date from days since 1970-01-01 (eras of 400 years).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }
}
