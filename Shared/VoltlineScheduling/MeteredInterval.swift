public import Foundation

/// The energy a site drew in one metering interval.
public struct MeteredInterval: Sendable, Hashable, Codable {
    /// The start of the interval.
    public var start: Date
    /// The energy, in kWh.
    public var energyKWh: Double

    /// Creates an interval.
    public init(start: Date, energyKWh: Double) {
        self.start = start
        self.energyKWh = energyKWh
    }
}
