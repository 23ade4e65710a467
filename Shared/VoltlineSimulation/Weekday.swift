/// A day of the week, Monday first (ISO 8601).
public enum Weekday: Int, Sendable, Hashable, CaseIterable, Codable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The weekday of a day counted from the Unix epoch (1970-01-01, a Thursday).
    init(daysSinceEpoch days: Int64) {
        let index = (days + 3) % 7
        self = Weekday(rawValue: Int(index < 0 ? index + 7 : index))!
    }
}
