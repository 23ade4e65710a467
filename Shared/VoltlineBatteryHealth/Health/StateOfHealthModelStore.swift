public import VoltlinePostgres
import Foundation

/// Stores and reloads versioned ``StateOfHealthModel``s in PostgreSQL (`battery_health_models`, migration 0013).
public enum StateOfHealthModelStore {
    /// Stores a model under its version; a version stored before is left as it was.
    /// - Returns: whether the model was inserted.
    /// - Throws: when XGBoost cannot save the model or the database refuses the row.
    @discardableResult
    public static func store(_ model: StateOfHealthModel, on connection: PostgresConnection) async throws -> Bool {
        let metadata = model.metadata
        let json = String(decoding: try model.serialized(), as: UTF8.self)
        let trainedOn = String(decoding: try JSONEncoder().encode(metadata.trainedOn), as: UTF8.self)
        let rows = try await connection.query(
            """
            INSERT INTO battery_health_models (version, trained_at, trained_on, sample_count, rated_capacity_ah, model)
            VALUES (\(metadata.version), \(metadata.trainedAt),
                ARRAY(SELECT jsonb_array_elements_text(\(trainedOn)::jsonb)), \(metadata.sampleCount),
                \(metadata.ratedCapacityAh), \(json)::jsonb)
            ON CONFLICT (version) DO NOTHING
            RETURNING 1
            """)
        return rows.count == 1
    }

    /// The newest stored model (by training time), or nil when none is stored.
    /// - Throws: when the stored model cannot be read back (see ``StateOfHealthModel/init(serialized:)``).
    public static func newest(on connection: PostgresConnection) async throws -> StateOfHealthModel? {
        let rows = try await connection.query(
            "SELECT model::text FROM battery_health_models ORDER BY trained_at DESC, version DESC LIMIT 1")
        guard let row = rows.first else { return nil }
        return try StateOfHealthModel(serialized: Data(try row.decode(String.self, at: 0).utf8))
    }
}
