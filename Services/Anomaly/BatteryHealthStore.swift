import Foundation
import VoltlineBatteryHealth
import VoltlinePostgres

/// Reads and writes the battery health tables of migration 0013 for the anomaly service.
enum BatteryHealthStore {
    /// A pack's stored health history, oldest first.
    static func history(of deviceID: String, on connection: PostgresConnection) async throws -> [HealthPoint] {
        let rows = try await connection.query(
            """
            SELECT equivalent_full_cycles, COALESCE(soh_model, soh_plain), estimated_at FROM battery_health
            WHERE device_id = \(deviceID) ORDER BY estimated_at
            """)
        return try rows.map {
            HealthPoint(
                cycles: try $0.decode(Double.self, at: 0), stateOfHealth: try $0.decode(Double.self, at: 1),
                date: try $0.decode(Date.self, at: 2))
        }
    }

    /// Inserts one estimate; returns false when the pack already has one at that time (a replay).
    static func insertHealth(
        deviceID: String, at date: Date, cycles: Double, model: Double?, plain: Double, modelVersion: String?,
        life: RemainingLife?, threshold: Double, on connection: PostgresConnection
    ) async throws -> Bool {
        let rows = try await connection.query(
            """
            INSERT INTO battery_health (device_id, estimated_at, equivalent_full_cycles, soh_model, soh_plain,
                model_version, eol_threshold, eol_cycles, eol_cycles_low, eol_cycles_high, eol_date, eol_date_low,
                eol_date_high)
            VALUES (\(deviceID), \(date), \(cycles), \(model), \(plain), \(modelVersion), \(threshold),
                \(life?.endOfLifeCycles), \(life?.endOfLifeCyclesLow), \(life?.endOfLifeCyclesHigh),
                \(life?.endOfLifeDate), \(life?.endOfLifeDateLow), \(life?.endOfLifeDateHigh))
            ON CONFLICT DO NOTHING
            RETURNING 1
            """)
        return rows.count == 1
    }

    /// Inserts a risk change into `battery_risk` and `anomalies`; returns false when it was stored before.
    static func insertRisk(
        _ anomaly: BatteryRiskAnomaly, assessment: ThermalRiskAssessment, precursors: PackPrecursors,
        on connection: PostgresConnection
    ) async throws -> Bool {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let findings = String(decoding: try encoder.encode(assessment.findings), as: UTF8.self)
        let values = String(decoding: try encoder.encode(precursors), as: UTF8.self)
        let date = Date(timeIntervalSince1970: Double(anomaly.ts) / 1000)
        let rows = try await connection.query(
            """
            INSERT INTO battery_risk (device_id, ts, level, findings, precursors)
            VALUES (\(anomaly.device), \(date), \(anomaly.level), \(findings)::jsonb, \(values)::jsonb)
            ON CONFLICT DO NOTHING
            RETURNING 1
            """)
        guard rows.count == 1 else { return false }
        _ = try await connection.query(
            """
            INSERT INTO anomalies (device_id, ts, source, rule, level, score, value, threshold, message)
            VALUES (\(anomaly.device), \(date), \(anomaly.source), \(anomaly.rule), \(anomaly.level), \(anomaly.score),
                \(anomaly.value), \(anomaly.threshold), \(anomaly.message))
            ON CONFLICT (device_id, rule, ts) DO NOTHING
            """)
        return true
    }
}
