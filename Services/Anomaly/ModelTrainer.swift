import Foundation
import Logging
import ServiceLifecycle
import VoltlineDomain
import VoltlineKafka
import VoltlineLearning
import VoltlinePostgres

/// Trains an Isolation Forest per device kind from the last days of `features_1m`, stores it in the model
/// registry as a new version, and installs it in the ``ModelBook``; refits each machine's load forecaster
/// (see `retrainForecasters`). All at start (loading the stored version
/// first), every `retrain-hours`, and when `{"v":1,"command":"retrain-models"}` arrives on
/// `voltline.commands.v1` (other commands there are for gateways and are ignored).
///
/// A kind with too little history keeps its previous model, or none: scoring then runs on statistics.
struct ModelTrainer: Service, CustomStringConvertible {
    let pool: PostgresPool
    let commands: KafkaConsumer
    let book: ModelBook
    let settings: ModelSettings
    let logger: Logger

    var description: String { "ModelTrainer" }

    func run() async throws {
        await loadStored()
        // Both loops end at graceful shutdown: the schedule's sleep is cancelled, the command consumer closed.
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask {
                    var messages = commands.messages.makeAsyncIterator()
                    while let batch = try await messages.nextBatch(limit: 100) {
                        if batch.contains(where: Self.isRetrainCommand) {
                            logger.info("retraining on admin command")
                            await retrainAll()
                        }
                    }
                }
                group.addTask {
                    try? await cancelWhenGracefulShutdown {
                        while !Task.isCancelled {
                            await retrainAll()
                            try await Task.sleep(for: .seconds(settings.retrainHours * 3600))
                        }
                    }
                }
            }
        } onGracefulShutdown: {
            Task { try? await commands.close() }
        }
    }

    /// The `features_1m` columns the schemas use, in the order the training query selects them.
    static let featureColumns = [
        "mean_power_kw", "min_power_kw", "max_power_kw", "energy_kwh", "mean_voltage_v", "mean_current_a",
        "max_temperature_c", "mean_soc_pct", "max_cell_voltage_spread_v",
    ]

    static func isRetrainCommand(_ message: KafkaMessage) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: Data(message.value)) as? [String: Any] else {
            return false
        }
        return object["command"] as? String == "retrain-models"
    }

    /// Installs the latest stored forest of each kind; a corrupt one is logged and skipped (statistics only).
    private func loadStored() async {
        for schema in [FeatureSchema.machine, .batteryPack] {
            do {
                let load = try await ModelRegistry(pool: pool).loadLatest(.isolationForest, subject: schema.kind) {
                    (bytes: [UInt8]) throws(LearningError) in try MultivariateAnomalyModel(serialized: bytes)
                }
                switch load {
                case .loaded(let model, let record):
                    await book.install(model, version: record.version, for: schema.kind)
                case .missing:
                    logger.info("no stored forest, statistics only until trained", metadata: ["kind": "\(schema.kind)"])
                case .unusable(let version, let reason):
                    logger.warning(
                        "stored forest unusable, statistics only until retrained",
                        metadata: ["kind": "\(schema.kind)", "version": "\(version)", "reason": "\(reason)"])
                }
            } catch {
                logger.warning("loading stored forests failed", metadata: ["error": "\(error)"])
            }
        }
    }

    private func retrainAll() async {
        for schema in [FeatureSchema.machine, .batteryPack] {
            do {
                try await retrain(schema)
            } catch {
                logger.warning("training failed", metadata: ["kind": "\(schema.kind)", "error": "\(error)"])
            }
        }
        await retrainForecasters()
    }

    private func retrain(_ schema: FeatureSchema) async throws {
        let since = Date().timeIntervalSince1970 - Double(settings.trainingDays * 86_400)
        let rows = try await pool.withConnection { connection in
            try await connection.query(
                """
                SELECT extract(epoch FROM window_start)::float8, mean_power_kw,
                    min_power_kw, max_power_kw, energy_kwh, mean_voltage_v, mean_current_a, max_temperature_c,
                    mean_soc_pct, max_cell_voltage_spread_v
                FROM features_1m WHERE kind = \(schema.kind) AND window_start >= to_timestamp(\(since))
                """)
        }
        let positions = schema.columns.map { Self.featureColumns.firstIndex(of: $0)! + 1 }
        var values: [Float] = []
        var first = Double.infinity
        var last = -Double.infinity
        for row in rows {
            let vector = try positions.map { Float(try row.decode(Double?.self, at: $0) ?? .nan) }
            guard vector.allSatisfy(\.isFinite) else { continue }
            values += vector
            let time = try row.decode(Double.self, at: 0)
            first = min(first, time)
            last = max(last, time)
        }
        let count = values.count / schema.columns.count
        guard count >= settings.minimumRows else {
            logger.info("too little history for a forest", metadata: ["kind": "\(schema.kind)", "rows": "\(count)"])
            return
        }
        let model = try MultivariateAnomalyModel(featureNames: schema.columns, training: values)
        let version = try await ModelRegistry(pool: pool).store(
            StoredModel(
                kind: .isolationForest, subject: schema.kind, trainedFrom: Int64(first), trainedUntil: Int64(last),
                metrics: ["training_rows": Double(count), "trees": Double(model.forest.treeCount)],
                payload: try model.serialized()))
        await book.install(model, version: version, for: schema.kind)
        logger.info("forest trained", metadata: ["kind": "\(schema.kind)", "version": "\(version)", "rows": "\(count)"])
    }
}
