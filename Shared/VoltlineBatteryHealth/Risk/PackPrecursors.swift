/// The precursor values of one pack at one moment; nil where the pack's data cannot tell (no cell readings,
/// not resting long enough).
public struct PackPrecursors: Sendable, Hashable, Codable {
    public var temperatureRiseCPerMinute: Double?
    public var restSelfHeatingCPerMinute: Double?
    public var restVoltageDropMVPerHour: Double?
    public var cellVoltageSpreadV: Double?
    public var cellTemperatureSpreadC: Double?
    /// Highest cell voltage minus the chemistry's maximum, in V (negative while within it).
    public var overvoltageV: Double?

    /// Creates precursor values.
    public init(
        temperatureRiseCPerMinute: Double? = nil, restSelfHeatingCPerMinute: Double? = nil,
        restVoltageDropMVPerHour: Double? = nil, cellVoltageSpreadV: Double? = nil,
        cellTemperatureSpreadC: Double? = nil, overvoltageV: Double? = nil
    ) {
        self.temperatureRiseCPerMinute = temperatureRiseCPerMinute
        self.restSelfHeatingCPerMinute = restSelfHeatingCPerMinute
        self.restVoltageDropMVPerHour = restVoltageDropMVPerHour
        self.cellVoltageSpreadV = cellVoltageSpreadV
        self.cellTemperatureSpreadC = cellTemperatureSpreadC
        self.overvoltageV = overvoltageV
    }

    /// The value of one precursor.
    public subscript(precursor: RunawayPrecursor) -> Double? {
        switch precursor {
        case .temperatureRise: temperatureRiseCPerMinute
        case .restSelfHeating: restSelfHeatingCPerMinute
        case .restVoltageDrop: restVoltageDropMVPerHour
        case .cellVoltageSpread: cellVoltageSpreadV
        case .cellTemperatureSpread: cellTemperatureSpreadC
        case .overvoltage: overvoltageV
        }
    }
}
