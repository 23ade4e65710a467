import Foundation
import VoltlinePostgres

/// Writes the features tables: one multi-row `INSERT ... ON CONFLICT DO NOTHING` per table and batch,
/// returning the keys actually inserted (windows already written before a restart are skipped, and
/// their messages are not published again).
enum FeatureStore {
    /// A row's natural key: device and start time in epoch ms.
    struct Key: Hashable {
        var deviceID: String
        var startMillis: Int64
    }

    /// Inserts `features_1m` rows (as built by ``FeatureRecords``).
    static func insertMinutes(_ rows: [[String: Any]], on connection: PostgresConnection) async throws -> Set<Key> {
        guard !rows.isEmpty else { return [] }
        return try await keys(
            connection.query(
                """
                INSERT INTO features_1m (device_id, window_start, kind, samples, mean_power_kw, min_power_kw,
                    max_power_kw, energy_kwh, mean_voltage_v, min_voltage_v, max_voltage_v, mean_current_a,
                    max_temperature_c, mean_soc_pct, max_cell_voltage_spread_v, charge_ah, stats)
                SELECT device_id, to_timestamp(window_start_ms / 1000.0), kind, samples, mean_power_kw, min_power_kw,
                    max_power_kw, energy_kwh, mean_voltage_v, min_voltage_v, max_voltage_v, mean_current_a,
                    max_temperature_c, mean_soc_pct, max_cell_voltage_spread_v, charge_ah, stats
                FROM jsonb_to_recordset(\(json(rows))::jsonb) AS r(device_id text, window_start_ms bigint, kind text,
                    samples integer, mean_power_kw float8, min_power_kw float8, max_power_kw float8, energy_kwh float8,
                    mean_voltage_v float8, min_voltage_v float8, max_voltage_v float8, mean_current_a float8,
                    max_temperature_c float8, mean_soc_pct float8, max_cell_voltage_spread_v float8, charge_ah float8,
                    stats jsonb)
                ON CONFLICT DO NOTHING
                RETURNING device_id, (extract(epoch FROM window_start) * 1000)::bigint
                """))
    }

    /// Inserts `energy_15m` rows.
    static func insertIntervals(_ rows: [[String: Any]], on connection: PostgresConnection) async throws -> Set<Key> {
        guard !rows.isEmpty else { return [] }
        return try await keys(
            connection.query(
                """
                INSERT INTO energy_15m (device_id, interval_start, energy_kwh, demand_kw, peak_kw, samples, completeness)
                SELECT device_id, to_timestamp(interval_start_ms / 1000.0), energy_kwh, demand_kw, peak_kw, samples,
                    completeness
                FROM jsonb_to_recordset(\(json(rows))::jsonb) AS r(device_id text, interval_start_ms bigint,
                    energy_kwh float8, demand_kw float8, peak_kw float8, samples integer, completeness float8)
                ON CONFLICT DO NOTHING
                RETURNING device_id, (extract(epoch FROM interval_start) * 1000)::bigint
                """))
    }

    /// Inserts `battery_segments` rows.
    static func insertSegments(_ rows: [[String: Any]], on connection: PostgresConnection) async throws -> Set<Key> {
        guard !rows.isEmpty else { return [] }
        return try await keys(
            connection.query(
                """
                INSERT INTO battery_segments (device_id, started_at, ended_at, kind, charge_ah, energy_kwh, soc_start_pct,
                    soc_end_pct, voltage_min_v, voltage_max_v, temperature_start_c, temperature_max_c,
                    temperature_rise_c_per_min, mean_current_a, details)
                SELECT device_id, to_timestamp(started_at_ms / 1000.0), to_timestamp(ended_at_ms / 1000.0), kind,
                    charge_ah, energy_kwh, soc_start_pct, soc_end_pct, voltage_min_v, voltage_max_v, temperature_start_c,
                    temperature_max_c, temperature_rise_c_per_min, mean_current_a, details
                FROM jsonb_to_recordset(\(json(rows))::jsonb) AS r(device_id text, started_at_ms bigint,
                    ended_at_ms bigint, kind text, charge_ah float8, energy_kwh float8, soc_start_pct float8,
                    soc_end_pct float8, voltage_min_v float8, voltage_max_v float8, temperature_start_c float8,
                    temperature_max_c float8, temperature_rise_c_per_min float8, mean_current_a float8, details jsonb)
                ON CONFLICT DO NOTHING
                RETURNING device_id, (extract(epoch FROM started_at) * 1000)::bigint
                """))
    }

    /// Where each of `deviceIDs` resumes segmenting: the `next_start_ms` of its latest written segment.
    static func segmentResumePoints(for deviceIDs: [String], on connection: PostgresConnection) async throws
        -> [String: Int64]
    {
        guard !deviceIDs.isEmpty else { return [:] }
        let rows = try await connection.query(
            """
            SELECT DISTINCT ON (device_id) device_id, (details->>'next_start_ms')::bigint
            FROM battery_segments
            WHERE device_id IN (SELECT jsonb_array_elements_text(\(String(decoding: FeatureRecords.json(deviceIDs), as: UTF8.self))::jsonb))
              AND details ? 'next_start_ms'
            ORDER BY device_id, started_at DESC
            """)
        var points: [String: Int64] = [:]
        for row in rows { points[try row.decode(String.self, at: 0)] = try row.decode(Int64.self, at: 1) }
        return points
    }

    private static func json(_ rows: [[String: Any]]) -> String {
        String(decoding: FeatureRecords.json(rows), as: UTF8.self)
    }

    private static func keys(_ rows: PostgresRows) throws -> Set<Key> {
        Set(try rows.map { Key(deviceID: try $0.decode(String.self, at: 0), startMillis: try $0.decode(Int64.self, at: 1)) })
    }
}
