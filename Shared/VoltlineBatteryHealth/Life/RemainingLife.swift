public import Foundation

/// When a battery reaches its end-of-life threshold: a median and a band.
public struct RemainingLife: Sendable, Hashable, Codable {
    /// The end-of-life threshold (state of health, 0…1).
    public var threshold: Double
    /// Age now, in cycles.
    public var currentCycles: Double
    /// The cycle at which the threshold is crossed: median, and the 5th and 95th percentiles.
    public var endOfLifeCycles: Double
    public var endOfLifeCyclesLow: Double
    public var endOfLifeCyclesHigh: Double
    /// The calendar date of the crossing, and its band, when the history carries dates.
    public var endOfLifeDate: Date?
    public var endOfLifeDateLow: Date?
    public var endOfLifeDateHigh: Date?

    /// Creates an estimate.
    public init(
        threshold: Double, currentCycles: Double, endOfLifeCycles: Double, endOfLifeCyclesLow: Double,
        endOfLifeCyclesHigh: Double, endOfLifeDate: Date? = nil, endOfLifeDateLow: Date? = nil,
        endOfLifeDateHigh: Date? = nil
    ) {
        self.threshold = threshold
        self.currentCycles = currentCycles
        self.endOfLifeCycles = endOfLifeCycles
        self.endOfLifeCyclesLow = endOfLifeCyclesLow
        self.endOfLifeCyclesHigh = endOfLifeCyclesHigh
        self.endOfLifeDate = endOfLifeDate
        self.endOfLifeDateLow = endOfLifeDateLow
        self.endOfLifeDateHigh = endOfLifeDateHigh
    }

    /// Cycles left: median, and the band.
    public var remainingCycles: Double { max(0, endOfLifeCycles - currentCycles) }
    public var remainingCyclesLow: Double { max(0, endOfLifeCyclesLow - currentCycles) }
    public var remainingCyclesHigh: Double { max(0, endOfLifeCyclesHigh - currentCycles) }
}
