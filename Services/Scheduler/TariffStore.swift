import Foundation
import VoltlinePostgres
import VoltlineScheduling

/// The `tariffs` table: which tariff is active, stored as its JSON definition.
struct TariffStore: Sendable {
    let pool: PostgresPool

    /// Makes `tariff` the only active tariff, inserting it or replacing the stored one of the same name.
    func activate(_ tariff: Tariff) async throws {
        let definition = try Self.encode(tariff)
        try await pool.withConnection { connection in
            try await connection.withTransaction { transaction in
                try await transaction.execute(
                    "UPDATE tariffs SET active = false, updated_at = now() WHERE active AND name <> \(tariff.name)")
                try await transaction.execute(
                    """
                    INSERT INTO tariffs (name, currency, timezone, definition, active)
                    VALUES (\(tariff.name), \(tariff.currency), \(tariff.timeZoneName), \(definition)::jsonb, true)
                    ON CONFLICT (name) DO UPDATE SET currency = EXCLUDED.currency, timezone = EXCLUDED.timezone,
                        definition = EXCLUDED.definition, active = true, updated_at = now()
                    """)
            }
        }
    }

    /// Inserts `tariff` as the active tariff unless some tariff is active already.
    /// - Returns: whether it was inserted.
    func activateIfNoneActive(_ tariff: Tariff) async throws -> Bool {
        let definition = try Self.encode(tariff)
        let inserted = try await pool.withConnection { connection in
            try await connection.execute(
                """
                INSERT INTO tariffs (name, currency, timezone, definition, active)
                SELECT \(tariff.name), \(tariff.currency), \(tariff.timeZoneName), \(definition)::jsonb, true
                WHERE NOT EXISTS (SELECT 1 FROM tariffs WHERE active)
                ON CONFLICT DO NOTHING
                """)
        }
        return inserted > 0
    }

    /// The active tariff, if there is one.
    /// - Throws: `DecodingError` or ``TariffError`` when the stored definition is not a valid tariff.
    func active() async throws -> Tariff? {
        let rows = try await pool.withConnection { connection in
            try await connection.query("SELECT definition::text FROM tariffs WHERE active")
        }
        guard let text = try rows.first?.decode(String.self, at: 0) else { return nil }
        return try Tariff(jsonData: Data(text.utf8))
    }

    /// Reads a tariff JSON file.
    static func load(file path: String) throws -> Tariff {
        try Tariff(contentsOf: URL(fileURLWithPath: path))
    }

    private static func encode(_ tariff: Tariff) throws -> String {
        String(decoding: try tariff.jsonData(), as: UTF8.self)
    }
}
