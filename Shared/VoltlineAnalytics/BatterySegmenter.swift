public import VoltlineDomain

/// Splits each pack's stream into charge, discharge and rest segments and counts equivalent full cycles.
///
/// A sample is charging above the dead band (`deadBandCRate × capacity`, or ``Configuration/deadBandA``
/// when the capacity is unknown), discharging below minus it, resting inside it. The segment changes
/// only when the new state lasts ``Configuration/minimumDurationMillis``; a shorter run is noise and is
/// folded back into the current segment (hysteresis). A silence longer than
/// ``Configuration/maxGapMillis`` ends the segment at its last sample.
///
/// Readings must arrive in event-time order per pack (run it after the windows, or on a partition that
/// keeps order); a reading not later than the pack's previous one is ignored.
public struct BatterySegmenter: Sendable {
    /// Segmentation settings.
    public struct Configuration: Sendable, Hashable, Codable {
        /// Dead band as a C-rate, used when the pack's capacity is known.
        public var deadBandCRate: Double
        /// Dead band in A, used when the capacity is unknown.
        public var deadBandA: Double
        /// How long a new state must last before the segment changes, in ms.
        public var minimumDurationMillis: Int64
        /// A silence longer than this ends the segment, in ms.
        public var maxGapMillis: Int64

        /// Creates a configuration.
        public init(
            deadBandCRate: Double = 0.01, deadBandA: Double = 0.5, minimumDurationMillis: Int64 = 30_000,
            maxGapMillis: Int64 = 300_000
        ) {
            self.deadBandCRate = deadBandCRate
            self.deadBandA = deadBandA
            self.minimumDurationMillis = minimumDurationMillis
            self.maxGapMillis = maxGapMillis
        }
    }

    private struct PackState: Sendable {
        var segment: SegmentAccumulator
        /// A run of another kind that has not lasted long enough to start a segment yet.
        var candidate: SegmentAccumulator?
        var capacityAh: Double?
        var equivalentFullCycles = 0.0

        var lastTimeMillis: Int64 { (candidate ?? segment).last.timeMillis }
    }

    /// The settings.
    public let configuration: Configuration
    private var packs: [String: PackState] = [:]

    /// Creates a segmenter with no history.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Adds one reading and returns the segments it ended (none for machine readings).
    /// - Parameters:
    ///   - reading: the next reading of a pack.
    ///   - limits: the pack's limits; the capacity sets the dead band and the cycle count.
    public mutating func ingest(_ reading: Reading, limits: DeviceLimits = DeviceLimits()) -> [BatterySegment] {
        guard let sample = PackSample(reading) else { return [] }
        let kind = classify(sample.metrics.currentA, capacityAh: limits.capacityAh)
        guard var state = packs.removeValue(forKey: reading.deviceID) else {
            packs[reading.deviceID] = PackState(
                segment: SegmentAccumulator(kind: kind, first: sample), capacityAh: limits.capacityAh)
            return []
        }
        defer { packs[reading.deviceID] = state }
        guard sample.timeMillis > state.lastTimeMillis else { return [] }
        state.capacityAh = limits.capacityAh
        var ended: [BatterySegment] = []
        if sample.timeMillis - state.lastTimeMillis > configuration.maxGapMillis {
            ended.append(finish(&state, deviceID: reading.deviceID, endMillis: state.lastTimeMillis))
            state.segment = SegmentAccumulator(kind: kind, first: sample)
            return ended
        }
        if state.candidate != nil {
            state.candidate!.hold(until: sample.timeMillis)
        } else {
            state.segment.hold(until: sample.timeMillis)
        }
        if kind == state.segment.kind {
            absorbCandidate(&state)
            state.segment.add(sample)
            return ended
        }
        if state.candidate?.kind == kind {
            state.candidate!.add(sample)
        } else {
            absorbCandidate(&state)
            state.candidate = SegmentAccumulator(kind: kind, first: sample)
        }
        if let candidate = state.candidate,
            candidate.last.timeMillis - candidate.first.timeMillis >= configuration.minimumDurationMillis
        {
            state.candidate = nil
            ended.append(finish(&state, deviceID: reading.deviceID, endMillis: candidate.first.timeMillis))
            state.segment = candidate
        }
        return ended
    }

    /// Ends every pack's open segment at its last sample (shutdown), by device id, and forgets the packs.
    public mutating func flush() -> [BatterySegment] {
        packs.keys.sorted().map { deviceID in
            var state = packs.removeValue(forKey: deviceID)!
            return finish(&state, deviceID: deviceID, endMillis: state.segment.last.timeMillis)
        }
    }

    /// Ends one pack's open segment at its last sample (the pack went quiet) and forgets the pack.
    public mutating func flush(deviceID: String) -> BatterySegment? {
        guard var state = packs.removeValue(forKey: deviceID) else { return nil }
        return finish(&state, deviceID: deviceID, endMillis: state.segment.last.timeMillis)
    }

    /// The event time of the first sample of a pack's open segment, or nil when none is open. Replaying the
    /// pack's readings from exactly there rebuilds the segmenter's state.
    public func openSegmentStart(for deviceID: String) -> Int64? {
        packs[deviceID]?.segment.first.timeMillis
    }

    /// Equivalent full cycles of a pack over the segments finished since its first reading (or the last
    /// ``flush()``); the service adds them to the total it stores.
    public func equivalentFullCycles(for deviceID: String) -> Double {
        packs[deviceID]?.equivalentFullCycles ?? 0
    }

    private func classify(_ currentA: Double, capacityAh: Double?) -> SegmentKind {
        let deadBand = capacityAh.map { $0 * configuration.deadBandCRate } ?? configuration.deadBandA
        if currentA > deadBand { return .charge }
        if currentA < -deadBand { return .discharge }
        return .rest
    }

    private func absorbCandidate(_ state: inout PackState) {
        guard let candidate = state.candidate else { return }
        state.segment.absorb(candidate)
        state.candidate = nil
    }

    private func finish(_ state: inout PackState, deviceID: String, endMillis: Int64) -> BatterySegment {
        absorbCandidate(&state)
        let segment = state.segment.segment(deviceID: deviceID, endMillis: endMillis, capacityAh: state.capacityAh)
        state.equivalentFullCycles += segment.equivalentFullCycles ?? 0
        return segment
    }
}
