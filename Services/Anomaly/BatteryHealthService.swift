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

/// The anomaly service's battery health: in its own consumer group it follows pack readings for
/// thermal-runaway risk (``PackRiskMonitor``; each level change goes to `battery_risk`, `anomalies` and
/// `voltline.anomalies.v1` as rule `pack.thermal_runaway_risk`) and the features service's charge cycles for
/// state of health and remaining life (`battery_health`).
///
/// State of health: the plain charged-Ah estimate always, and the newest stored XGBoost model's estimate when
/// the pack's capacity is the model's rated capacity (the model was trained on cells of that size).
struct BatteryHealthService: Service, CustomStringConvertible {
    let consumer: KafkaConsumer
    let producer: KafkaProducer
    let pool: PostgresPool
    let devices: DeviceLookup
    let settings: BatteryHealthSettings
    let logger: Logger
    private let estimates = Counter(label: "voltline_anomaly_battery_health_estimates_total")
    private let riskChanges = Counter(label: "voltline_anomaly_battery_risk_changes_total")

    var description: String { "BatteryHealthService" }

    init(
        consumer: KafkaConsumer, producer: KafkaProducer, pool: PostgresPool, devices: DeviceLookup,
        settings: BatteryHealthSettings, logger: Logger
    ) {
        self.consumer = consumer
        self.producer = producer
        self.pool = pool
        self.devices = devices
        self.settings = settings
        self.logger = logger
    }

    /// What the service remembers between batches.
    private struct State {
        var monitor = PackRiskMonitor()
        var levels: [String: RiskLevel] = [:]
        var histories: [String: [HealthPoint]] = [:]
        var model: StateOfHealthModel?
        var modelCheckedAt: ContinuousClock.Instant?
    }

    func run() async throws {
        var state = State()
        var messages = consumer.messages.makeAsyncIterator()
        try await withGracefulShutdownHandler {
            while let batch = try await messages.nextBatch(limit: settings.batchLimit) {
                for message in batch {
                    if message.topic == KafkaTopic.readings {
                        guard let reading = try? ReadingCodec.decode(message.value) else { continue }
                        try await assessRisk(reading, state: &state)
                    } else if let cycle = ChargeCycle(featureMessage: message.value), cycle.rejection == nil {
                        try await estimateHealth(cycle, state: &state)
                    }
                }
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

    private func assessRisk(_ reading: Reading, state: inout State) async throws {
        guard case .batteryPack(let metrics) = reading.metrics else { return }
        let limits = await devices.record(for: reading.deviceID).map { DeviceLimits($0) } ?? DeviceLimits()
        guard
            let (precursors, assessment) = state.monitor.ingest(
                deviceID: reading.deviceID, timeMillis: reading.timeMillis, metrics: metrics, limits: limits),
            assessment.level != state.levels[reading.deviceID] ?? .normal
        else { return }
        state.levels[reading.deviceID] = assessment.level
        let anomaly = BatteryRiskAnomaly(deviceID: reading.deviceID, timeMillis: reading.timeMillis, assessment: assessment)
        try await pool.withConnection { connection in
            try await connection.withTransaction { transaction in
                guard
                    try await BatteryHealthStore.insertRisk(
                        anomaly, assessment: assessment, precursors: precursors, on: transaction)
                else { return }
                try await producer.sendAll(topic: KafkaTopic.anomalies, [(anomaly.device, anomaly.json)])
            }
        }
        riskChanges.increment()
    }

    private func estimateHealth(_ cycle: ChargeCycle, state: inout State) async throws {
        guard let capacity = await devices.record(for: cycle.deviceID).map({ DeviceLimits($0) })?.capacityAh else {
            return
        }
        try await refreshModel(&state)
        let plain = PlainHealthEstimate(ratedCapacityAh: capacity).stateOfHealth(cycle.features)
        let model = state.model.flatMap { model in
            abs(model.metadata.ratedCapacityAh - capacity) <= 0.05 * capacity ? model : nil
        }
        let modelled = try model?.stateOfHealth([cycle.features]).first
        let date = Date(timeIntervalSince1970: Double(cycle.endMillis) / 1000)
        try await pool.withConnection { connection in
            if state.histories[cycle.deviceID] == nil {
                state.histories[cycle.deviceID] = try await BatteryHealthStore.history(of: cycle.deviceID, on: connection)
            }
            var history = state.histories[cycle.deviceID]!
            let cycles = cycle.equivalentFullCycles ?? Double(history.count + 1)
            guard history.last.map({ $0.date ?? .distantPast < date }) ?? true else { return }
            history.append(HealthPoint(cycles: cycles, stateOfHealth: modelled ?? plain, date: date))
            state.histories[cycle.deviceID] = history
            let estimator = RemainingLifeEstimator(
                configuration: .init(threshold: settings.endOfLifeThreshold))
            let life = estimator.estimate(history)
            if try await BatteryHealthStore.insertHealth(
                deviceID: cycle.deviceID, at: date, cycles: cycles, model: modelled, plain: plain,
                modelVersion: model?.metadata.version, life: life, threshold: settings.endOfLifeThreshold,
                on: connection)
            {
                estimates.increment()
            }
        }
    }

    /// Loads the newest stored model, at most once per ``BatteryHealthSettings/modelRefresh``.
    private func refreshModel(_ state: inout State) async throws {
        let now = ContinuousClock.now
        if let checked = state.modelCheckedAt, now - checked < settings.modelRefresh { return }
        state.modelCheckedAt = now
        do {
            if let model = try await pool.withConnection({ try await StateOfHealthModelStore.newest(on: $0) }) {
                if model.metadata.version != state.model?.metadata.version {
                    logger.info("state-of-health model loaded", metadata: ["battery.model": "\(model.metadata.version)"])
                }
                state.model = model
            }
        } catch {
            logger.warning("state-of-health model unusable", metadata: ["error": "\(error)"])
        }
    }
}
