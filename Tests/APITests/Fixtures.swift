import Foundation
import VoltlinePostgres

/// Rows the REST tests insert: two machines on two sites, one pack, readings one second apart from
/// ``Fixtures/start``, and alerts in each state.
enum Fixtures {
    /// The time of the first reading (recent, so `/latest` finds it), whole seconds.
    static let start = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 600).rounded(.down))

    static func insertDevices(_ connection: PostgresConnection) async throws {
        try await connection.execute(
            """
            INSERT INTO devices (device_id, kind, site, line) VALUES
                ('press-01', 'machine', 'north', 'l1'), ('press-02', 'machine', 'south', 'l2'),
                ('pack-01', 'battery_pack', 'north', NULL)
            """)
    }

    /// `count` readings of press-01, one per second from ``start``, with active power 10, 11, 12...
    static func insertReadings(_ connection: PostgresConnection, count: Int) async throws {
        for index in 0..<count {
            let ts = start.addingTimeInterval(Double(index))
            try await connection.execute(
                """
                INSERT INTO readings (device_id, ts, kind, active_power_kw)
                VALUES ('press-01', \(ts), 'machine', \(10.0 + Double(index)))
                """)
        }
        try await connection.execute(
            "INSERT INTO readings (device_id, ts, kind, voltage_v, current_a, temperature_c) VALUES ('pack-01', \(start), 'battery_pack', 800.0, -5.0, 30.0)")
    }

    /// Inserts an alert and returns its id.
    static func insertAlert(
        _ connection: PostgresConnection, device: String, rule: String, level: String, state: String
    ) async throws -> Int64 {
        let rows = try await connection.query(
            """
            INSERT INTO alerts (device_id, rule, level, state, message, first_seen_at, last_seen_at)
            VALUES (\(device), \(rule), \(level), \(state), 'test alert', \(start), \(start)) RETURNING id
            """)
        let id = try rows[0].decode(Int64.self, at: 0)
        try await connection.execute(
            """
            INSERT INTO alert_events (alert_id, event, level, state, actor) VALUES (\(id), 'raised', \(level), 'active', 'system')
            """)
        return id
    }
}
