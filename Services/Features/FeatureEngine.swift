import VoltlineAnalytics
import VoltlineDomain
import VoltlineKafka

/// The stream state of the features service: per-device minute windows, 15-minute demand windows and
/// battery segments, plus what is needed to commit only offsets below the oldest reading still held.
///
/// Pure logic, no I/O: the consumer feeds it readings in Kafka order and writes what it emits.
struct FeatureEngine {
    /// What one reading (or closing idle devices) produced.
    struct Output {
        var minutes: [MinuteFeature] = []
        var intervals: [DemandInterval] = []
        var segments: [BatterySegment] = []
        /// For each segment, the event time from which the pack's next segment is fed after a restart.
        var segmentResume: [Int64] = []

        mutating func append(_ other: Output) {
            minutes += other.minutes
            intervals += other.intervals
            segments += other.segments
            segmentResume += other.segmentResume
        }
    }

    /// Where a device's readings live in Kafka, and which of them its state still holds.
    ///
    /// Held readings are kept per event-time minute (the smallest offset of the minute's readings), not per
    /// reading: windows start on minute boundaries, so replaying from a held minute's first offset rebuilds
    /// whole windows, and a device holds at most about sixteen entries instead of every reading of a
    /// 15-minute window.
    private struct DeviceTrack {
        var partition: KafkaTopicPartition
        /// Event-time minutes still held, oldest first, each with the smallest offset of its readings.
        var heldMinutes: [(minuteStart: Int64, offset: Int64)] = []
        var lastSeen: ContinuousClock.Instant

        mutating func hold(timeMillis: Int64, offset: Int64) {
            let minute = timeMillis - ((timeMillis % 60_000) + 60_000) % 60_000
            if let last = heldMinutes.last, last.minuteStart < minute {
                heldMinutes.append((minute, offset))
            } else if let index = heldMinutes.lastIndex(where: { $0.minuteStart <= minute }) {
                if heldMinutes[index].minuteStart == minute {
                    heldMinutes[index].offset = min(heldMinutes[index].offset, offset)
                } else {
                    heldMinutes.insert((minute, offset), at: index + 1)
                }
            } else {
                heldMinutes.insert((minute, offset), at: 0)
            }
        }

        /// Forgets the minutes that end at or before `needed`; all of them when nothing is needed.
        mutating func release(before needed: Int64?) {
            guard let needed else { return heldMinutes.removeAll() }
            heldMinutes.removeAll { $0.minuteStart + 60_000 <= needed }
        }

        var oldestHeldOffset: Int64? { heldMinutes.lazy.map(\.offset).min() }
    }

    private var minutes: MinuteWindows
    private var demand: DemandWindows
    private var segmenter: BatterySegmenter
    private var devices: [String: DeviceTrack] = [:]
    /// Packs' segmenter feed starts here (from the database after a restart; see ``segmentResume``).
    private var segmentFloors: [String: Int64] = [:]
    /// The assignment of the last ``keepOnly(_:)`` sweep.
    private var keptAssignment: Set<KafkaTopicPartition>?
    /// The last offset seen per partition.
    private var lastOffsets: [KafkaTopicPartition: Int64] = [:]

    init(windows: WindowConfiguration, segments: BatterySegmenter.Configuration) {
        minutes = MinuteWindows(configuration: windows)
        demand = DemandWindows(configuration: windows)
        segmenter = BatterySegmenter(configuration: segments)
    }

    /// Whether the engine has seen `deviceID` since it started (or since it went quiet).
    func knows(_ deviceID: String) -> Bool { devices[deviceID] != nil || segmentFloors[deviceID] != nil }

    /// Sets where a pack's segmenter feed starts: readings before it belong to segments already written.
    mutating func setSegmentFloor(_ timeMillis: Int64, for deviceID: String) {
        segmentFloors[deviceID] = timeMillis
    }

    /// Adds one reading taken from `partition` at `offset`.
    /// - Returns: nil when the reading is late (its window has closed), else what it closed.
    mutating func ingest(
        _ reading: Reading, partition: KafkaTopicPartition, offset: Int64, limits: DeviceLimits,
        now: ContinuousClock.Instant
    ) -> Output? {
        lastOffsets[partition] = max(offset, lastOffsets[partition] ?? offset)
        let id = reading.deviceID
        let minute = minutes.ingest(reading)
        let interval = demand.ingest(reading)
        if minute.disposition == .late || interval.disposition == .late { return nil }
        var output = Output(minutes: minute.emitted, intervals: interval.emitted)
        if reading.kind == .batteryPack, minute.disposition == .accepted,
            reading.timeMillis >= segmentFloors[id] ?? .min
        {
            let ended = segmenter.ingest(reading, limits: limits)
            appendSegments(ended, of: id, to: &output)
        }
        // Mutated in place: copying the track out and back would copy its held minutes on every reading.
        devices[id, default: DeviceTrack(partition: partition, lastSeen: now)].lastSeen = now
        if minute.disposition == .accepted { devices[id]?.hold(timeMillis: reading.timeMillis, offset: offset) }
        release(id)
        return output
    }

    /// Closes the windows and segments of devices silent for `timeout` of wall-clock time, so their
    /// partitions' offsets can advance.
    mutating func closeIdle(now: ContinuousClock.Instant, timeout: Duration) -> Output {
        var output = Output()
        for (id, track) in devices where now - track.lastSeen >= timeout {
            output.minutes += minutes.flush(deviceID: id)
            output.intervals += demand.flush(deviceID: id)
            appendSegments(segmenter.flush(deviceID: id).map { [$0] } ?? [], of: id, to: &output)
            devices[id] = nil
        }
        return output
    }

    /// Forgets the devices of partitions this member no longer owns; their new owner replays them.
    mutating func keepOnly(_ assignment: Set<KafkaTopicPartition>) {
        // Called per batch; the assignment changes only on a rebalance, and the sweep visits every device.
        guard assignment != keptAssignment else { return }
        keptAssignment = assignment
        for (id, track) in devices where !assignment.contains(track.partition) {
            _ = minutes.flush(deviceID: id)
            _ = demand.flush(deviceID: id)
            _ = segmenter.flush(deviceID: id)
            devices[id] = nil
            segmentFloors[id] = nil
        }
        lastOffsets = lastOffsets.filter { assignment.contains($0.key) }
    }

    /// The offset to commit per partition: the oldest reading still held by a device on it, or the
    /// offset after the last one seen when no device holds any.
    func committableOffsets() -> [KafkaTopicPartition: Int64] {
        var offsets = lastOffsets.mapValues { $0 + 1 }
        for track in devices.values {
            guard let oldest = track.oldestHeldOffset else { continue }
            offsets[track.partition] = min(oldest, offsets[track.partition] ?? oldest)
        }
        return offsets
    }

    /// The number of devices whose state holds readings.
    var openDeviceCount: Int { devices.values.filter { !$0.heldMinutes.isEmpty }.count }

    private mutating func appendSegments(_ ended: [BatterySegment], of id: String, to output: inout Output) {
        guard let last = ended.last else { return }
        // The open segment's first sample when one follows, else anything after the last end.
        let resume = segmenter.openSegmentStart(for: id) ?? last.endMillis + 1
        segmentFloors[id] = resume
        output.segments += ended
        output.segmentResume += ended.map { $0 == last ? resume : $0.endMillis }
    }

    /// Drops the held readings of `id` older than anything its windows and segment still need.
    private mutating func release(_ id: String) {
        let needed = [minutes.oldestHeldTime(for: id), demand.oldestHeldTime(for: id), segmenter.openSegmentStart(for: id)]
            .compactMap { $0 }.min()
        devices[id]?.release(before: needed)
    }
}
