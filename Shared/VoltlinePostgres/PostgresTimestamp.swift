import Foundation

/// Converts between `Date` and PostgreSQL's ISO text format for `timestamptz`, at microsecond precision.
///
/// Written out by hand (civil-date arithmetic after Howard Hinnant's algorithms) rather than with a
/// `DateFormatter`, because `COPY` encodes millions of timestamps and formatters are slow and not `Sendable`.
/// Connections set `DateStyle` to `ISO` so the server's output always has this shape.
enum PostgresTimestamp {
    private static let microsecondsPerDay: Int64 = 86_400_000_000

    /// `YYYY-MM-DD HH:MM:SS.ffffff+00`, in UTC, rounded to the microsecond.
    static func format(_ date: Date) -> String {
        let microseconds = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let (days, timeOfDay) = floorDivide(microseconds, microsecondsPerDay)
        let (year, month, day) = civil(fromDays: days)
        let seconds = timeOfDay / 1_000_000
        var text = padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2) + " "
        text += padded(seconds / 3600, 2) + ":" + padded(seconds / 60 % 60, 2) + ":" + padded(seconds % 60, 2)
        text += "." + padded(timeOfDay % 1_000_000, 6) + "+00"
        return text
    }

    /// Parses `YYYY-MM-DD HH:MM:SS[.f…][±HH[:MM[:SS]]]`; a missing offset means UTC. `nil` for anything else
    /// (BC dates, `infinity`).
    static func parse(_ text: String) -> Date? {
        var scanner = Scanner(bytes: Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"), let month = scanner.number(digits: 2),
            scanner.skip("-"), let day = scanner.number(digits: 2), scanner.skip(" "),
            let hour = scanner.number(digits: 2), scanner.skip(":"), let minute = scanner.number(digits: 2),
            scanner.skip(":"), let second = scanner.number(digits: 2)
        else { return nil }
        var microseconds: Int64 = 0
        if scanner.skip(".") {
            var scale: Int64 = 100_000
            while let digit = scanner.number(digits: 1) {
                microseconds += digit * scale
                scale /= 10
            }
        }
        var offsetSeconds: Int64 = 0
        if let sign = scanner.sign() {
            guard let hours = scanner.number(digits: 2) else { return nil }
            let minutes = scanner.skip(":") ? scanner.number(digits: 2) : 0
            let seconds = scanner.skip(":") ? scanner.number(digits: 2) : 0
            guard let minutes, let seconds else { return nil }
            offsetSeconds = sign * (hours * 3600 + minutes * 60 + seconds)
        }
        guard scanner.isAtEnd else { return nil }
        let secondsOfDay = hour * 3600 + minute * 60 + second - offsetSeconds
        let total = days(fromYear: year, month: month, day: day) * microsecondsPerDay + secondsOfDay * 1_000_000
            + microseconds
        return Date(timeIntervalSince1970: Double(total) / 1_000_000)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    private static func days(fromYear year: Int64, month: Int64, day: Int64) -> Int64 {
        let year = month <= 2 ? year - 1 : year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// A cursor over ASCII bytes.
    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        var isAtEnd: Bool { position == bytes.count }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
            position += 1
            return true
        }

        mutating func sign() -> Int64? {
            if skip("+") { return 1 }
            if skip("-") { return -1 }
            return nil
        }

        mutating func number(digits: Int) -> Int64? {
            guard position + digits <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[position..<position + digits] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            position += digits
            return value
        }
    }
}
