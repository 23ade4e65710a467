import VoltlineDomain

/// One device on the gateway: its registration, its physics, its faults and what it last reported.
struct SimulatedDevice: Sendable {
    let profile: DeviceProfile
    private var model: any DeviceModel
    private(set) var faults = FaultLog()
    /// How far the physics has been advanced, in milliseconds since the Unix epoch.
    private var clockMillis: Int64
    private var nextSequence: UInt64 = 0
    private var lastMetrics: Metrics?

    init(profile: DeviceProfile, model: any DeviceModel, clockMillis: Int64) {
        self.profile = profile
        self.model = model
        self.clockMillis = clockMillis
    }

    /// A battery pack's thermal milestones; nil for machines.
    var thermalEvents: PackThermalEvents? { model.thermalEvents }

    /// The faults this device accepts.
    var supportedFaults: Set<FaultKind> { model.physicalFaults.union(FaultKind.reporting) }

    mutating func inject(_ kind: FaultKind, at timeMillis: Int64) {
        faults.inject(kind, at: timeMillis)
    }

    mutating func clear(_ kind: FaultKind, at timeMillis: Int64) {
        faults.clear(kind, at: timeMillis)
    }

    /// Advances the physics to `timeMillis` in steps of at most `maxStepMillis`.
    mutating func advance(to timeMillis: Int64, maxStepMillis: Int64) {
        while clockMillis < timeMillis {
            let step = min(maxStepMillis, timeMillis - clockMillis)
            model.integrate(from: clockMillis, seconds: Double(step) / 1000, faults: faults)
            clockMillis += step
        }
    }

    /// The reading at the present time: none during a sensor dropout, the last values again while stuck.
    /// Sequence numbers count the readings produced.
    mutating func sample() -> Reading? {
        guard faults.active(.sensorDropout, at: clockMillis) == nil else { return nil }
        let metrics =
            if faults.active(.stuckValue, at: clockMillis) != nil, let lastMetrics { lastMetrics } else { model.measure() }
        lastMetrics = metrics
        defer { nextSequence += 1 }
        return Reading(deviceID: profile.id, timeMillis: clockMillis, sequence: nextSequence, metrics: metrics)
    }
}
