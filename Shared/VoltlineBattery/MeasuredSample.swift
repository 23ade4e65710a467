/// One measurement of a cell under test: time, current, terminal voltage and surface temperature.
public struct MeasuredSample: Sendable, Hashable {
    /// Time in s from the start of the record.
    public var seconds: Double
    /// Current in A, positive charging.
    public var currentA: Double
    /// Terminal voltage in V.
    public var voltageV: Double
    /// Temperature in °C.
    public var temperatureC: Double

    /// Creates a sample.
    public init(seconds: Double, currentA: Double, voltageV: Double, temperatureC: Double) {
        self.seconds = seconds
        self.currentA = currentA
        self.voltageV = voltageV
        self.temperatureC = temperatureC
    }
}
