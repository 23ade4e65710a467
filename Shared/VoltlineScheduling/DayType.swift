/// Which kind of day a tariff window applies to.
///
/// A date is a ``holiday`` when the tariff's ``HolidayCalendar`` lists it, otherwise a ``weekend`` when its
/// weekday is one of the tariff's ``Tariff/weekendDays``, otherwise a ``weekday``.
public enum DayType: String, Sendable, Hashable, Codable, CaseIterable {
    /// A working day.
    case weekday
    /// One of the tariff's weekend days (Saturday and Sunday unless the tariff says otherwise).
    case weekend
    /// A date in the tariff's holiday calendar.
    case holiday
}
