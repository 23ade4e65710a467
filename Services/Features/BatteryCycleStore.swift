import Foundation
import VoltlineBatteryHealth
import VoltlinePostgres

/// Writes `battery_cycle_features` (migration 0013).
enum BatteryCycleStore {
    /// Inserts one cycle; returns false when its `(device_id, started_at)` row already exists (a replay).
    static func insert(_ cycle: ChargeCycle, on connection: PostgresConnection) async throws -> Bool {
        let features = cycle.features
        let all = String(decoding: cycle.featureMessage(), as: UTF8.self)
        let rows = try await connection.query(
            """
            INSERT INTO battery_cycle_features (device_id, started_at, ended_at, equivalent_full_cycles,
                soc_capacity_ah, charged_ah,
                window_ah, cc_ah, cv_ah, start_voltage_v, ic_peak_v, ic_peak_ah_per_v, resistance_ohm,
                temperature_rise_c_per_min, rejection, features)
            VALUES (\(cycle.deviceID), \(date(cycle.startMillis)), \(date(cycle.endMillis)),
                \(cycle.equivalentFullCycles), \(cycle.stateOfChargeCapacityAh), \(features.chargedAh),
                \(features.windowAh), \(features.constantCurrentAh), \(features.constantVoltageAh),
                \(features.startVoltageV), \(features.incrementalCapacityPeakV), \(features.incrementalCapacityPeakAhPerV),
                \(features.resistanceOhm), \(features.temperatureRiseCPerMinute), \(cycle.rejection?.rawValue),
                (\(all)::jsonb)->'features')
            ON CONFLICT DO NOTHING
            RETURNING 1
            """)
        return rows.count == 1
    }

    private static func date(_ millis: Int64) -> Date {
        Date(timeIntervalSince1970: Double(millis) / 1000)
    }
}
