public import VoltlineBattery
public import VoltlineDomain
import VoltlineSupport

/// A deterministic virtual gateway: machines and battery packs simulated in event time, read out once per
/// sample interval, with faults that can be injected and cleared.
///
/// The gateway does not keep time itself: the caller steps it to the simulated time it wants, in real time
/// or faster. However far one ``step(to:)`` goes, each device's physics advances in steps of at most a
/// second, so the cost grows linearly with the simulated span. Every random number comes from the seed,
/// split into one stream per device id, so the same seed and the same calls give identical readings.
public struct VirtualGateway: Sendable {
    /// The seed every device's random numbers derive from.
    public let seed: UInt64
    /// Simulated time between two readings of a device, in ms.
    public let sampleIntervalMillis: Int64
    /// The simulated time the gateway has been stepped to, in milliseconds since the Unix epoch (UTC).
    public private(set) var timeMillis: Int64
    private var nextSampleMillis: Int64
    private var devices: [SimulatedDevice] = []
    private var indexByID: [String: Int] = [:]

    /// The longest physics step, in ms.
    static let maxIntegrationStepMillis: Int64 = 1000

    /// Creates an empty gateway.
    /// - Parameters:
    ///   - seed: the seed of all randomness.
    ///   - startMillis: the simulated start time, in milliseconds since the Unix epoch (UTC).
    ///   - sampleIntervalMillis: simulated time between two readings of a device; positive.
    public init(seed: UInt64, startMillis: Int64, sampleIntervalMillis: Int64 = 1000) {
        precondition(sampleIntervalMillis > 0, "the sample interval must be positive")
        self.seed = seed
        self.sampleIntervalMillis = sampleIntervalMillis
        timeMillis = startMillis
        nextSampleMillis = startMillis + sampleIntervalMillis
    }

    /// The devices' profiles, in the order they were added.
    public var profiles: [DeviceProfile] { devices.map(\.profile) }

    /// Adds a power-metered machine, off until its first shift.
    /// - Throws: ``SimulationError`` when the id is invalid or taken.
    public mutating func addMachine(id: String, site: String, line: String?, spec: MachineSpec) throws(SimulationError) {
        try checkNewID(id)
        let profile = DeviceProfile(
            id: id, kind: .machine, site: site, line: line, model: spec.model, ratedPowerKW: spec.ratedPowerKW)
        append(profile, MachineModel(spec: spec, random: SplitMix64(seed: seed, stream: id)))
    }

    /// Adds a battery pack at ambient temperature.
    /// - Parameters:
    ///   - id: the device id.
    ///   - site: the site the pack belongs to.
    ///   - spec: the pack's design.
    ///   - operation: its operating cycle.
    ///   - ambientC: ambient temperature in °C.
    ///   - stateOfChargePercent: the initial state of charge.
    ///   - phase: where in the cycle the pack starts.
    ///   - ageing: how aged the cells are at the start (``AgeingState/fastForward(_:seconds:parameters:)``
    ///     makes months of use in one call); fresh by default.
    /// - Throws: ``SimulationError`` when the id is invalid or taken.
    public mutating func addBatteryPack(
        id: String, site: String, spec: BatteryPackSpec, operation: CycleProfile = CycleProfile(),
        ambientC: Double = 25, stateOfChargePercent: Double = 50, phase: CyclePhase = .charging,
        ageing: AgeingState = AgeingState()
    ) throws(SimulationError) {
        try checkNewID(id)
        let profile = DeviceProfile(
            id: id, kind: .batteryPack, site: site, model: spec.model, chemistry: spec.chemistry,
            capacityAh: spec.capacityAh, cellsInSeries: spec.cellsInSeries, cellsInParallel: spec.cellsInParallel,
            maxCurrentA: max(spec.maxChargeCurrentA, spec.maxDischargeCurrentA))
        let model = BatteryPackModel(
            spec: spec, operation: operation, ambientC: ambientC, stateOfChargePercent: stateOfChargePercent,
            phase: phase, ageing: ageing, random: SplitMix64(seed: seed, stream: id))
        append(profile, model)
    }

    /// Advances every device to `timeMillis` and returns the readings of every sample time passed, ordered
    /// by time and then by device. Steps in chunks: a week at one-second samples is millions of readings.
    /// - Parameter timeMillis: the simulated time to reach; an earlier time than ``timeMillis`` does nothing.
    /// - Returns: one reading per device per sample interval, less those that faults suppress.
    public mutating func step(to timeMillis: Int64) -> [Reading] {
        var readings: [Reading] = []
        while nextSampleMillis <= timeMillis {
            for index in devices.indices {
                devices[index].advance(to: nextSampleMillis, maxStepMillis: Self.maxIntegrationStepMillis)
                if let reading = devices[index].sample() { readings.append(reading) }
            }
            nextSampleMillis += sampleIntervalMillis
        }
        self.timeMillis = max(self.timeMillis, timeMillis)
        return readings
    }

    /// Injects a fault; it acts from its onset until cleared. Injecting a fault that is already open keeps
    /// its original onset.
    /// - Parameters:
    ///   - kind: the fault.
    ///   - deviceID: the device.
    ///   - onsetMillis: when it starts; the gateway's present ``timeMillis`` when nil.
    /// - Throws: ``SimulationError`` when the device is unknown or the fault does not apply to it.
    public mutating func inject(_ kind: FaultKind, into deviceID: String, at onsetMillis: Int64? = nil)
        throws(SimulationError)
    {
        let index = try deviceIndex(deviceID)
        guard devices[index].supportedFaults.contains(kind) else {
            throw SimulationError(.unsupportedFault, deviceID: deviceID)
        }
        devices[index].inject(kind, at: onsetMillis ?? timeMillis)
    }

    /// Clears a fault; a fault that is not open is left alone.
    /// - Parameters:
    ///   - kind: the fault.
    ///   - deviceID: the device.
    ///   - timeMillis: when it ends; the gateway's present ``timeMillis`` when nil.
    /// - Throws: ``SimulationError`` when the device is unknown.
    public mutating func clear(_ kind: FaultKind, on deviceID: String, at timeMillis: Int64? = nil)
        throws(SimulationError)
    {
        let index = try deviceIndex(deviceID)
        devices[index].clear(kind, at: timeMillis ?? self.timeMillis)
    }

    /// Every fault injected into a device, with onset and clearing times, in order of injection.
    /// - Throws: ``SimulationError`` when the device is unknown.
    public func faults(of deviceID: String) throws(SimulationError) -> [FaultRecord] {
        devices[try deviceIndex(deviceID)].faults.records
    }

    /// A battery pack's thermal milestones (self-heating onset, runaway) in simulated time, for scoring
    /// how early detection saw them coming; nil for a machine.
    /// - Throws: ``SimulationError`` when the device is unknown.
    public func thermalEvents(of deviceID: String) throws(SimulationError) -> PackThermalEvents? {
        devices[try deviceIndex(deviceID)].thermalEvents
    }

    private func deviceIndex(_ id: String) throws(SimulationError) -> Int {
        guard let index = indexByID[id] else { throw SimulationError(.unknownDevice, deviceID: id) }
        return index
    }

    private func checkNewID(_ id: String) throws(SimulationError) {
        guard DeviceID.isValid(id) else { throw SimulationError(.invalidDeviceID, deviceID: id) }
        guard indexByID[id] == nil else { throw SimulationError(.duplicateDevice, deviceID: id) }
    }

    private mutating func append(_ profile: DeviceProfile, _ model: any DeviceModel) {
        indexByID[profile.id] = devices.count
        devices.append(SimulatedDevice(profile: profile, model: model, clockMillis: timeMillis))
    }
}
