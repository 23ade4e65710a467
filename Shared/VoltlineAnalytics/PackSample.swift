import VoltlineDomain

/// A battery pack reading's time and metrics.
struct PackSample: TimedSample {
    let timeMillis: Int64
    let metrics: PackMetrics

    /// The pack sample of a pack reading; nil for a machine.
    init?(_ reading: Reading) {
        guard case .batteryPack(let metrics) = reading.metrics else { return nil }
        self.timeMillis = reading.timeMillis
        self.metrics = metrics
    }
}
