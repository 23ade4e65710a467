/// Which kind of day a tariff window applies to.
public enum DayType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Monday to Friday.
    case weekday
    /// Saturday and Sunday.
    case weekend
}
