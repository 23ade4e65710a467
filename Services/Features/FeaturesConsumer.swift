import Foundation
import Logging
import ServiceLifecycle
import VoltlineAnalytics
import VoltlineDomain
import VoltlineKafka
import VoltlinePostgres
import VoltlineService
import VoltlineStreams

/// Consumes readings, runs the feature engine, writes the features tables, publishes feature messages
/// and stores, per partition, only offsets below the oldest reading an open window or segment holds; the
/// consumer stores them on the one-second tick and commits stored offsets in the background every second, on rebalance and on close (a synchronous
/// commit per batch cost a broker round trip each time, and failed when shutdown closed the consumer mid-batch).
///
/// Batches and a one-second clock tick (closing devices that went quiet) are handled by one loop, so the
/// engine needs no lock. On graceful shutdown the consumer is closed and open windows are dropped, not
/// flushed: the restarted service replays them from the committed offsets.
struct FeaturesConsumer: Service, CustomStringConvertible {
    let settings: FeaturesSettings
    let consumer: KafkaConsumer
    let producer: KafkaProducer
    let pool: PostgresPool
    let devices: DeviceLookup
    let readiness: ReadinessProbe
    let metrics = FeaturesMetrics()
    let logger: Logger

    var description: String { "FeaturesConsumer(\(settings.groupID))" }

    private enum Event {
        /// A batch; the loop acknowledges it once handled, and only then the pump fetches the next one.
        case batch([KafkaMessage])
        case tick
    }

    func run() async throws {
        try await pool.withConnection { _ = try await $0.query("SELECT 1") }
        readiness.set("ready", true)
        let (events, continuation) = AsyncStream<Event>.makeStream()
        let (acks, acknowledge) = AsyncStream<Void>.makeStream()
        try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await pump(into: continuation, acks: acks) }
                group.addTask {
                    while !Task.isCancelled {
                        try await Task.sleep(for: .seconds(1))
                        continuation.yield(.tick)
                    }
                }
                var engine = FeatureEngine(windows: settings.windows, segments: BatterySegmenter.Configuration())
                for await event in events {
                    switch event {
                    case .batch(let batch):
                        try await handle(batch, engine: &engine)
                        acknowledge.yield()
                    case .tick:
                        try await tick(engine: &engine)
                    }
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            Task { try? await consumer.close() }
        }
        // Also when cancelled: leave the group now rather than after the session timeout.
        try? await consumer.close()
    }

    /// Hands each batch to the loop and waits until it is acknowledged; ends the events when the consumer closes.
    private func pump(into continuation: AsyncStream<Event>.Continuation, acks: AsyncStream<Void>) async throws {
        defer { continuation.finish() }
        var messages = consumer.messages.makeAsyncIterator()
        var acknowledgements = acks.makeAsyncIterator()
        while let batch = try await messages.nextBatch(limit: settings.batchLimit) {
            continuation.yield(.batch(batch))
            // nil when cancelled: the loop is gone.
            guard await acknowledgements.next() != nil else { return }
        }
    }

    private func handle(_ batch: [KafkaMessage], engine: inout FeatureEngine) async throws {
        engine.keepOnly(consumer.assignment)
        let now = ContinuousClock.now
        var readings: [(KafkaMessage, Reading)] = []
        var deadLetters: [DeadLetter] = []
        for message in batch {
            do {
                readings.append((message, try ReadingCodec.decode(message.value)))
            } catch {
                metrics.undecodable.increment()
                deadLetters.append(deadLetter(message, reason: "undecodable", detail: "not a binary reading v1: \(error)"))
            }
        }
        metrics.readingsConsumed.increment(by: readings.count)
        try await loadSegmentFloors(for: readings.map(\.1), into: &engine)
        var output = FeatureEngine.Output()
        var limits: [String: DeviceLimits] = [:]
        for (message, reading) in readings {
            if limits[reading.deviceID] == nil {
                limits[reading.deviceID] = await devices.record(for: reading.deviceID).map { DeviceLimits($0) } ?? DeviceLimits()
            }
            guard
                let produced = engine.ingest(
                    reading, partition: message.topicPartition, offset: message.offset, limits: limits[reading.deviceID]!,
                    now: now)
            else {
                metrics.lateReadings.increment()
                deadLetters.append(
                    deadLetter(
                        message, reason: "late_reading", device: reading.deviceID,
                        detail: "reading at \(reading.timeMillis) ms arrived after its window closed"))
                continue
            }
            output.append(produced)
        }
        try await write(output, deadLetters: deadLetters)
    }

    private func tick(engine: inout FeatureEngine) async throws {
        let output = engine.closeIdle(now: .now, timeout: settings.idleTimeout)
        try await write(output, deadLetters: [])
        // Once a second rather than per batch: finding the oldest held reading visits every device.
        try storeOffsets(engine)
        if !consumer.assignment.isEmpty { readiness.set("ready", true) }
        metrics.lag.record(await consumer.lag().reduce(0) { $0 + $1.lag })
    }

    /// After a restart, packs resume segmenting where their last written segment says.
    private func loadSegmentFloors(for readings: [Reading], into engine: inout FeatureEngine) async throws {
        let unknown = Set(readings.filter { $0.kind == .batteryPack && !engine.knows($0.deviceID) }.map(\.deviceID))
        guard !unknown.isEmpty else { return }
        let points = try await pool.withConnection {
            try await FeatureStore.segmentResumePoints(for: unknown.sorted(), on: $0)
        }
        for (deviceID, start) in points { engine.setSegmentFloor(start, for: deviceID) }
    }

    /// Writes the rows in one transaction and, before committing it, publishes the messages of the rows
    /// actually inserted and the dead letters: a crash before the commit repeats both (at least once).
    private func write(_ output: FeatureEngine.Output, deadLetters: [DeadLetter]) async throws {
        // Most batches close no window: no transaction and no broker round trip for them.
        guard !(output.minutes.isEmpty && output.intervals.isEmpty && output.segments.isEmpty && deadLetters.isEmpty)
        else { return }
        let segments = Array(zip(output.segments, output.segmentResume))
        let inserted = try await pool.withConnection { connection in
            try await connection.withTransaction { transaction in
                let minutes = try await FeatureStore.insertMinutes(output.minutes.map(FeatureRecords.row), on: transaction)
                let intervals = try await FeatureStore.insertIntervals(
                    output.intervals.map(FeatureRecords.row), on: transaction)
                let written = try await FeatureStore.insertSegments(
                    segments.map { FeatureRecords.row($0, nextStartMillis: $1) }, on: transaction)
                var messages: [(key: String, value: [UInt8])] = []
                for feature in output.minutes
                where minutes.contains(.init(deviceID: feature.deviceID, startMillis: feature.windowStartMillis)) {
                    messages.append((feature.deviceID, FeatureRecords.json(FeatureRecords.message(feature))))
                }
                for interval in output.intervals
                where intervals.contains(.init(deviceID: interval.deviceID, startMillis: interval.intervalStartMillis)) {
                    messages.append((interval.deviceID, FeatureRecords.json(FeatureRecords.message(interval))))
                }
                for (segment, next) in segments
                where written.contains(.init(deviceID: segment.deviceID, startMillis: segment.startMillis)) {
                    messages.append(
                        (segment.deviceID, FeatureRecords.json(FeatureRecords.message(segment, nextStartMillis: next))))
                }
                try await producer.sendAll(topic: KafkaTopic.features, messages)
                try await producer.sendAll(
                    topic: KafkaTopic.deadLetter, deadLetters.map { (String(decoding: $0.key, as: UTF8.self), $0.encoded()) })
                return (minutes.count, intervals.count, written.count)
            }
        }
        metrics.minutesWritten.increment(by: inserted.0)
        metrics.intervalsWritten.increment(by: inserted.1)
        metrics.segmentsWritten.increment(by: inserted.2)
    }

    private func storeOffsets(_ engine: FeatureEngine) throws {
        for (partition, offset) in engine.committableOffsets() { try consumer.storeOffset(offset, for: partition) }
        metrics.openDevices.record(engine.openDeviceCount)
    }

    private func deadLetter(_ message: KafkaMessage, reason: String, device: String? = nil, detail: String) -> DeadLetter {
        DeadLetter(
            reason: reason, detail: detail, source: "features", topic: message.topic, device: device,
            receivedAtMillis: Int64(Date().timeIntervalSince1970 * 1000), payload: message.value)
    }
}
