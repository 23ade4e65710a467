public import VoltlineDomain

/// The metrics scored by robust statistics: those whose sudden change means trouble rather than a
/// normal change of operating state.
public enum MonitoredMetric: String, Sendable, Hashable, Codable, CaseIterable {
    /// A machine's active power.
    case machineActivePower = "machine.active_power"
    /// A pack's temperature (hottest cell when reported).
    case packTemperature = "pack.temperature"
    /// A pack's cell voltage spread (max − min cell voltage).
    case packCellVoltageSpread = "pack.cell_voltage_spread"

    /// The condition id of this metric's statistic.
    public var ruleID: String { "stat." + rawValue }

    /// The metric's value in `metrics`, or nil when it does not apply or is not reported.
    public func value(in metrics: Metrics) -> Double? {
        switch (self, metrics) {
        case (.machineActivePower, .machine(let machine)):
            machine.activePowerKW
        case (.packTemperature, .batteryPack(let pack)):
            pack.cellTemperatureMaxC ?? pack.temperatureC
        case (.packCellVoltageSpread, .batteryPack(let pack)):
            pack.cellVoltageMaxV.flatMap { high in pack.cellVoltageMinV.map { high - $0 } }
        default:
            nil
        }
    }
}
