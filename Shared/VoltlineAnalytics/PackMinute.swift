/// A battery pack's features over one window. Throughput is split by direction; their sums are the
/// total Ah and kWh throughput.
public struct PackMinute: Sendable, Hashable, Codable {
    /// Pack voltage in V.
    public var voltageV: ValueSummary
    /// Pack current in A (positive = charging).
    public var currentA: ValueSummary
    /// Pack temperature in °C.
    public var temperatureC: ValueSummary
    /// State of charge in %, when reported.
    public var stateOfChargePercent: ValueSummary?
    /// The largest cell voltage spread (max − min cell voltage) in V, when cells are reported.
    public var maxCellVoltageSpreadV: Double?
    /// The hottest cell temperature in °C, when cells are reported.
    public var maxCellTemperatureC: Double?
    /// Charge taken in, in Ah.
    public var chargedAh: Double
    /// Charge delivered, in Ah.
    public var dischargedAh: Double
    /// Energy taken in, in kWh.
    public var chargedKWh: Double
    /// Energy delivered, in kWh.
    public var dischargedKWh: Double

    /// Creates pack features.
    public init(
        voltageV: ValueSummary, currentA: ValueSummary, temperatureC: ValueSummary,
        stateOfChargePercent: ValueSummary?, maxCellVoltageSpreadV: Double?, maxCellTemperatureC: Double?,
        chargedAh: Double, dischargedAh: Double, chargedKWh: Double, dischargedKWh: Double
    ) {
        self.voltageV = voltageV
        self.currentA = currentA
        self.temperatureC = temperatureC
        self.stateOfChargePercent = stateOfChargePercent
        self.maxCellVoltageSpreadV = maxCellVoltageSpreadV
        self.maxCellTemperatureC = maxCellTemperatureC
        self.chargedAh = chargedAh
        self.dischargedAh = dischargedAh
        self.chargedKWh = chargedKWh
        self.dischargedKWh = dischargedKWh
    }
}
