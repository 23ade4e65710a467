/// The samples of one charge or discharge of one cell, as parallel arrays in time order.
///
/// Current is positive into the cell (charging) and negative out of it, as in the NASA files.
public struct CycleRecording: Sendable, Equatable {
    /// The cycle number from the file (charge cycle `k` precedes discharge cycle `k`).
    public var cycle: Int
    /// Seconds since the cycle started.
    public var timeSeconds: [Double]
    /// Terminal voltage in V.
    public var voltageV: [Double]
    /// Current in A (positive = charging).
    public var currentA: [Double]
    /// Cell temperature in °C.
    public var temperatureC: [Double]

    /// Creates a recording from parallel arrays of equal length.
    /// - Precondition: all arrays have the same count.
    public init(cycle: Int, timeSeconds: [Double], voltageV: [Double], currentA: [Double], temperatureC: [Double]) {
        precondition(
            voltageV.count == timeSeconds.count && currentA.count == timeSeconds.count
                && temperatureC.count == timeSeconds.count, "a cycle recording needs arrays of equal length")
        self.cycle = cycle
        self.timeSeconds = timeSeconds
        self.voltageV = voltageV
        self.currentA = currentA
        self.temperatureC = temperatureC
    }

    /// Number of samples.
    public var count: Int { timeSeconds.count }

    /// Seconds from the first to the last sample (0 for fewer than two samples).
    public var durationSeconds: Double { (timeSeconds.last ?? 0) - (timeSeconds.first ?? 0) }
}
