/// What a BMS reports about a pack at one instant (true values, no sensor noise).
public struct PackReading: Sendable, Hashable {
    /// Pack terminal voltage in V and current in A (positive charging).
    public var voltageV: Double
    public var currentA: Double
    /// Mean element temperature in °C.
    public var temperatureC: Double
    /// The BMS's coulomb-counted state of charge in percent of the rated capacity, unclamped.
    public var stateOfChargePercent: Double
    /// Lowest and highest element voltage in V and temperature in °C.
    public var cellVoltageMinV: Double
    public var cellVoltageMaxV: Double
    public var cellTemperatureMinC: Double
    public var cellTemperatureMaxC: Double
}
