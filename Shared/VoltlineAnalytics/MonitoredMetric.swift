public import VoltlineDomain

/// The metrics scored by robust statistics: those whose sudden change means trouble rather than a
/// normal change of operating state.
///
/// A machine's active power is deliberately not among them: a duty cycle (off, idle, run, peak) makes it
/// multimodal, so every change of state would be "far from the recent median". Machines are watched by
/// their rules, and later by models that know the duty cycle.
public enum MonitoredMetric: String, Sendable, Hashable, Codable, CaseIterable {
    /// A pack's temperature (hottest cell when reported).
    case packTemperature = "pack.temperature"
    /// A pack's cell voltage spread (max − min cell voltage).
    case packCellVoltageSpread = "pack.cell_voltage_spread"

    /// The smallest spread (MAD) the score assumes, in the metric's unit: about the sensor's resolution,
    /// so a signal that sat still for a while does not make a normal step look extreme.
    public var madFloor: Double {
        switch self {
        case .packTemperature: 0.5
        case .packCellVoltageSpread: 0.005
        }
    }

    /// The condition id of this metric's statistic.
    public var ruleID: String { "stat." + rawValue }

    /// The metric's value in `metrics`, or nil when it does not apply or is not reported.
    public func value(in metrics: Metrics) -> Double? {
        switch (self, metrics) {
        case (.packTemperature, .batteryPack(let pack)):
            pack.cellTemperatureMaxC ?? pack.temperatureC
        case (.packCellVoltageSpread, .batteryPack(let pack)):
            pack.cellVoltageMaxV.flatMap { high in pack.cellVoltageMinV.map { high - $0 } }
        default:
            nil
        }
    }
}
