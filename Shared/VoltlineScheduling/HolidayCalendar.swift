/// Local dates (`YYYY-MM-DD`) that a tariff bills as ``DayType/holiday``. Users edit it freely: any set of
/// dates is a valid calendar. Its JSON form is a plain array of date strings.
public struct HolidayCalendar: Sendable, Hashable, Codable, ExpressibleByArrayLiteral {
    /// The holiday dates.
    public private(set) var dates: Set<String>

    /// Creates a calendar of `dates`.
    public init<S: Sequence<String>>(_ dates: S) {
        self.dates = Set(dates)
    }

    public init(arrayLiteral elements: String...) {
        self.init(elements)
    }

    /// Whether `date` (`YYYY-MM-DD`) is a holiday.
    public func contains(_ date: String) -> Bool { dates.contains(date) }

    /// Adds a holiday, for example a plant's own shutdown day or a one-off election day.
    public mutating func insert(_ date: String) { dates.insert(date) }

    /// Removes a date that the plant works and is billed as a normal day.
    public mutating func remove(_ date: String) { dates.remove(date) }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(dates.sorted())
    }
}
