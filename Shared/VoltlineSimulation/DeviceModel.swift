import VoltlineDomain

/// The physics of one simulated device. The gateway advances it in steps of at most a second and
/// measures it at each sample time.
protocol DeviceModel: Sendable {
    /// The faults that act on this device's physics; the reporting faults (``FaultKind/reporting``)
    /// apply to every device on top of these.
    var physicalFaults: Set<FaultKind> { get }

    /// Advances the physics by one step.
    /// - Parameters:
    ///   - timeMillis: the step's start, in milliseconds since the Unix epoch (UTC).
    ///   - seconds: the step's length.
    ///   - faults: the device's faults, to look up those acting at `timeMillis`.
    mutating func integrate(from timeMillis: Int64, seconds: Double, faults: FaultLog)

    /// Reads the device's sensors in its present state, sensor noise included.
    mutating func measure() -> Metrics

    /// A battery pack's thermal milestones so far; nil for devices that have none.
    var thermalEvents: PackThermalEvents? { get }
}

extension DeviceModel {
    var thermalEvents: PackThermalEvents? { nil }
}
