/// A summary of how a cell is used over a long span, for fast-forwarding its ageing without simulating
/// every second: so many cycles of a given depth, rate and temperature per day, resting in between at a
/// mean state of charge.
public struct UsagePattern: Sendable, Hashable {
    /// Equivalent full cycles per day (ampere-hours through the cell over twice its capacity).
    public var equivalentCyclesPerDay: Double
    /// Depth of discharge of each cycle, 0...1.
    public var depthOfDischarge: Double
    /// Mean C-rate while current flows.
    public var cRate: Double
    /// Mean state of charge over the day, 0...1.
    public var meanStateOfCharge: Double
    /// Mean cell temperature in °C.
    public var temperatureC: Double

    /// Creates a usage pattern.
    public init(
        equivalentCyclesPerDay: Double, depthOfDischarge: Double, cRate: Double, meanStateOfCharge: Double,
        temperatureC: Double
    ) {
        self.equivalentCyclesPerDay = equivalentCyclesPerDay
        self.depthOfDischarge = depthOfDischarge
        self.cRate = cRate
        self.meanStateOfCharge = meanStateOfCharge
        self.temperatureC = temperatureC
    }
}
