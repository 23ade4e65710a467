import Foundation
import Logging
import Metrics
import ServiceLifecycle
import VoltlineAnalytics
import VoltlineBatteryHealth
import VoltlineDomain
import VoltlineKafka
import VoltlinePostgres
import VoltlineService
import VoltlineStreams

/// The features service's cycle features: follows pack readings in its own consumer group, analyses each
/// finished charge (coulomb counting, voltage window, dQ/dV, resistance, heating; see ``ChargeCycleCollector``),
/// writes `battery_cycle_features` and publishes `{"type":"cycle"}` messages on `voltline.features.v1`.
///
/// Rows are keyed `(device_id, started_at)` and only inserted rows are published, so a replay adds nothing.
/// Offsets are committed after each batch: a restart in the middle of a charge loses that charge's samples
/// before the restart, and the truncated charge that follows is screened out as partial.
struct BatteryCycleService: Service, CustomStringConvertible {
    let consumer: KafkaConsumer
    let producer: KafkaProducer
    let pool: PostgresPool
    let devices: DeviceLookup
    let batchLimit: Int
    let logger: Logger
    private let cyclesWritten = Counter(label: "voltline_features_charge_cycles_written_total")

    var description: String { "BatteryCycleService" }

    init(
        consumer: KafkaConsumer, producer: KafkaProducer, pool: PostgresPool, devices: DeviceLookup, batchLimit: Int,
        logger: Logger
    ) {
        self.consumer = consumer
        self.producer = producer
        self.pool = pool
        self.devices = devices
        self.batchLimit = batchLimit
        self.logger = logger
    }

    func run() async throws {
        var collector = ChargeCycleCollector()
        var messages = consumer.messages.makeAsyncIterator()
        try await withGracefulShutdownHandler {
            while let batch = try await messages.nextBatch(limit: batchLimit) {
                var cycles: [ChargeCycle] = []
                for message in batch {
                    guard let reading = try? ReadingCodec.decode(message.value), reading.kind == .batteryPack else {
                        continue
                    }
                    let limits = await devices.record(for: reading.deviceID).map { DeviceLimits($0) } ?? DeviceLimits()
                    cycles += collector.ingest(reading, limits: limits)
                }
                try await write(cycles)
                for partition in Set(batch.map(\.topicPartition)) {
                    let last = batch.filter { $0.topicPartition == partition }.max { $0.offset < $1.offset }!
                    try consumer.storeOffset(last)
                }
                try await consumer.commit()
            }
        } onGracefulShutdown: {
            Task { try? await consumer.close() }
        }
        try? await consumer.close()
    }

    /// Inserts the cycles in one transaction and publishes those actually inserted before committing it.
    private func write(_ cycles: [ChargeCycle]) async throws {
        guard !cycles.isEmpty else { return }
        let inserted = try await pool.withConnection { connection in
            try await connection.withTransaction { transaction in
                var fresh: [ChargeCycle] = []
                for cycle in cycles where try await BatteryCycleStore.insert(cycle, on: transaction) {
                    fresh.append(cycle)
                }
                try await producer.sendAll(topic: KafkaTopic.features, fresh.map { ($0.deviceID, $0.featureMessage()) })
                return fresh.count
            }
        }
        cyclesWritten.increment(by: inserted)
        if inserted > 0 { logger.debug("charge cycles written", metadata: ["battery.cycles": "\(inserted)"]) }
    }
}
