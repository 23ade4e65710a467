/// A demand ratchet: the billed demand of a month is at least `fraction` of the highest peak of the
/// previous `lookbackMonths` months (only those whose month of the year is in `months`, when set).
///
/// KEPCO's rule (요금적용전력) is a ratchet of 100 % over the past 12 months counting only December–February
/// and July–September peaks.
public struct DemandRatchet: Sendable, Hashable, Codable {
    /// Share (0–1) of the past peak that is billed at least.
    public var fraction: Double
    /// How many months before the billed one count.
    public var lookbackMonths: Int
    /// Months of the year (1–12) whose peaks count; all months when `nil`.
    public var months: Set<Int>?

    /// Creates a ratchet.
    public init(fraction: Double, lookbackMonths: Int, months: Set<Int>? = nil) {
        self.fraction = fraction
        self.lookbackMonths = lookbackMonths
        self.months = months
    }

    private enum CodingKeys: String, CodingKey {
        case fraction, months
        case lookbackMonths = "lookback_months"
    }
}
