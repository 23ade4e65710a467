public import Foundation

/// One state-of-health estimate in a pack's or cell's history.
public struct HealthPoint: Sendable, Hashable, Codable {
    /// Age in cycles (cycle number, or equivalent full cycles for streamed packs).
    public var cycles: Double
    /// State of health, 0…1.
    public var stateOfHealth: Double
    /// When it was estimated, if known (needed for a calendar date).
    public var date: Date?

    /// Creates a point.
    public init(cycles: Double, stateOfHealth: Double, date: Date? = nil) {
        self.cycles = cycles
        self.stateOfHealth = stateOfHealth
        self.date = date
    }
}
