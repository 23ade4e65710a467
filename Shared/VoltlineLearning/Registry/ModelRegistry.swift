import Foundation
public import VoltlinePostgres

/// The model registry in PostgreSQL (table `models`, migration 0012): stores each training as a new
/// version and loads the latest.
///
/// Loading never throws on bad bytes: ``loadLatest(_:subject:decode:)`` reports a corrupt model as
/// ``ModelLoad/unusable(version:reason:)`` and the caller keeps working on rules and statistics.
public struct ModelRegistry: Sendable {
    private let pool: PostgresPool

    /// A registry on `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Stores `model` as the next version of its kind and subject and returns that version.
    public func store(_ model: StoredModel) async throws -> Int {
        let metrics = String(decoding: try JSONEncoder().encode(model.metrics.filter { $0.value.isFinite }), as: UTF8.self)
        let payload = Data(model.payload).base64EncodedString()
        return try await pool.withConnection { connection in
            try await connection.withTransaction { transaction in
                // One writer per (kind, subject) at a time, so two trainers cannot take the same version.
                _ = try await transaction.query(
                    "SELECT pg_advisory_xact_lock(hashtext(\(model.kind.rawValue) || '/' || \(model.subject)))")
                let rows = try await transaction.query(
                    """
                    INSERT INTO models (kind, subject, version, trained_from, trained_until, metrics, payload)
                    SELECT \(model.kind.rawValue), \(model.subject), COALESCE(MAX(version), 0) + 1,
                        to_timestamp(\(Double(model.trainedFrom))), to_timestamp(\(Double(model.trainedUntil))),
                        \(metrics)::jsonb, decode(\(payload), 'base64')
                    FROM models WHERE kind = \(model.kind.rawValue) AND subject = \(model.subject)
                    RETURNING version
                    """)
                return try rows[0].decode(Int.self, at: 0)
            }
        }
    }

    /// The latest stored version of `kind` for `subject`, or nil when none was trained.
    public func latest(_ kind: ModelKind, subject: String) async throws -> StoredModel? {
        let rows = try await pool.withConnection { connection in
            try await connection.query(
                """
                SELECT version, extract(epoch FROM trained_from)::float8, extract(epoch FROM trained_until)::float8,
                    metrics::text, encode(payload, 'base64')
                FROM models WHERE kind = \(kind.rawValue) AND subject = \(subject)
                ORDER BY version DESC LIMIT 1
                """)
        }
        guard let row = rows.first else { return nil }
        let metrics = try JSONDecoder().decode([String: Double].self, from: Data(try row.decode(String.self, at: 3).utf8))
        // encode(..., 'base64') breaks lines every 76 characters.
        let base64 = try row.decode(String.self, at: 4).filter { !$0.isNewline }
        return StoredModel(
            kind: kind, subject: subject, version: try row.decode(Int.self, at: 0),
            trainedFrom: Int64(try row.decode(Double.self, at: 1)), trainedUntil: Int64(try row.decode(Double.self, at: 2)),
            metrics: metrics, payload: Array(Data(base64Encoded: base64) ?? Data()))
    }

    /// The latest model of `kind` for `subject`, decoded by `decode`; ``ModelLoad/missing`` or
    /// ``ModelLoad/unusable(version:reason:)`` tell the caller to fall back to rules and statistics.
    /// - Throws: only when the database fails.
    public func loadLatest<Model>(
        _ kind: ModelKind, subject: String, decode: ([UInt8]) throws(LearningError) -> Model
    ) async throws -> ModelLoad<Model> {
        guard let record = try await latest(kind, subject: subject) else { return .missing }
        do {
            return .loaded(try decode(record.payload), record)
        } catch {
            return .unusable(version: record.version, reason: error.message)
        }
    }
}
