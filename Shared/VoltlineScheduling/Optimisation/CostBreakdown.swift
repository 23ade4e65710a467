/// What a plan costs over the horizon, in the problem's currency.
public struct CostBreakdown: Sendable, Hashable, Codable {
    /// Grid energy at each slot's price (base load included).
    public var energy: Double
    /// Demand charges on the plan's peaks above the demand already billed.
    public var demand: Double
    /// Lateness penalties.
    public var lateness: Double
    /// The highest grid power of the horizon, kW.
    public var peakKW: Double

    /// Energy, demand and lateness: the optimiser's objective.
    public var total: Double { energy + demand + lateness }
}
