import VoltlineDomain

/// The part of a machine reading that energy and demand need, kept compactly in open windows.
struct PowerSample: TimedSample, Hashable {
    let timeMillis: Int64
    /// Active power in kW.
    let powerKW: Double
    /// The meter's cumulative energy counter in kWh, when reported.
    let counterKWh: Double?

    /// The power sample of a machine reading; nil for a battery pack.
    init?(_ reading: Reading) {
        guard case .machine(let metrics) = reading.metrics else { return nil }
        self.init(timeMillis: reading.timeMillis, powerKW: metrics.activePowerKW, counterKWh: metrics.energyKWh)
    }

    init(timeMillis: Int64, powerKW: Double, counterKWh: Double?) {
        self.timeMillis = timeMillis
        self.powerKW = powerKW
        self.counterKWh = counterKWh
    }
}
