import Logging
import Testing
import VoltlinePostgres
import VoltlineTestSupport

@testable import VoltlineLearning

/// The registry against a real PostgreSQL database (`VOLTLINE_DATABASE_URL`) with the migrations applied.
@Suite(.timeLimit(.minutes(3))) struct ModelRegistryTests {
    @Test func aModelRoundTripsWithRisingVersionsAndACorruptOneIsReportedUnusable() async throws {
        try await TestDatabase.with { database in
            let pool = PostgresPool(
                configuration: try PostgresConfiguration(url: database.url), logger: Logger(label: "test"))
            defer { Task { await pool.close() } }
            let registry = ModelRegistry(pool: pool)
            let (rows, _) = SyntheticData.clusters(inliers: 300, outliers: 5, dimensions: 2)
            let model = try MultivariateAnomalyModel(featureNames: ["power", "pf"], training: rows)
            let record = StoredModel(
                kind: .isolationForest, subject: "machine", trainedFrom: 1_500_000_000, trainedUntil: 1_500_086_400,
                metrics: ["training_rows": 305], payload: try model.serialized())
            #expect(try await registry.store(record) == 1)
            #expect(try await registry.store(record) == 2)
            let load = try await registry.loadLatest(.isolationForest, subject: "machine") {
                (bytes: [UInt8]) throws(LearningError) in try MultivariateAnomalyModel(serialized: bytes)
            }
            guard case .loaded(let loaded, let stored) = load else {
                Issue.record("expected a loaded model, got \(load)")
                return
            }
            #expect(stored.version == 2)
            #expect(stored.trainedUntil == 1_500_086_400)
            #expect(stored.metrics == ["training_rows": 305])
            #expect(loaded.scores(rows) == model.scores(rows))

            var corrupt = record
            corrupt.payload = Array("{\"featureNames\":".utf8)
            #expect(try await registry.store(corrupt) == 3)
            let fallback = try await registry.loadLatest(.isolationForest, subject: "machine") {
                (bytes: [UInt8]) throws(LearningError) in try MultivariateAnomalyModel(serialized: bytes)
            }
            guard case .unusable(let version, _) = fallback else {
                Issue.record("expected an unusable model, got \(fallback)")
                return
            }
            #expect(version == 3)
            let none = try await registry.loadLatest(.loadForecaster, subject: "site") {
                (bytes: [UInt8]) throws(LearningError) in try LoadForecaster(serialized: bytes)
            }
            guard case .missing = none else {
                Issue.record("expected no model, got \(none)")
                return
            }
        }
    }
}
