public import VoltlineDomain

extension DeviceLimits {
    /// The limits the registry knows for `record`; what it does not know keeps the defaults.
    public init(_ record: DeviceRecord) {
        self.init(
            chemistry: record.chemistry ?? .nmc, cellsInSeries: record.cellsSeries, capacityAh: record.capacityAh,
            ratedPowerKW: record.ratedPowerKW, maxCurrentA: record.maxCurrentA)
    }
}
