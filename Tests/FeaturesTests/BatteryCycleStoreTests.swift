import Foundation
import Testing
import VoltlineBatteryHealth
import VoltlinePostgres
import VoltlineTestSupport

@testable import Features

@Suite("Battery cycle store", .timeLimit(.minutes(3)))
struct BatteryCycleStoreTests {
    @Test("a charge cycle is stored once with its features")
    func insertsOnce() async throws {
        let features = ChargeFeatures(
            startVoltageV: 3.45, startTemperatureC: 25, chargedAh: 1.85, constantCurrentAh: 1.5,
            constantCurrentSeconds: 3600, constantVoltageAh: 0.35, constantVoltageSeconds: 2400, windowAh: 1.1,
            endCurrentA: 0.02, incrementalCapacityPeakV: 3.92, incrementalCapacityPeakAhPerV: 4.1,
            resistanceOhm: 0.08, temperatureRiseCPerMinute: 0.05, meanTemperatureC: 26, durationSeconds: 6000)
        let cycle = ChargeCycle(
            deviceID: "pack-1", startMillis: 1_764_000_000_000, endMillis: 1_764_006_000_000, equivalentFullCycles: 12.5,
            features: features, rejection: nil)
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            #expect(try await BatteryCycleStore.insert(cycle, on: connection))
            #expect(try await BatteryCycleStore.insert(cycle, on: connection) == false)
            let rows = try await connection.query(
                """
                SELECT charged_ah, window_ah, ic_peak_v, rejection, (features->>'charged_ah')::float8,
                    extract(epoch FROM ended_at)::bigint
                FROM battery_cycle_features WHERE device_id = 'pack-1'
                """)
            let row = try #require(rows.first)
            #expect(try row.decode(Double.self, at: 0) == 1.85)
            #expect(try row.decode(Double.self, at: 1) == 1.1)
            #expect(try row.decode(Double.self, at: 2) == 3.92)
            #expect(try row.decode(String?.self, at: 3) == nil)
            #expect(try row.decode(Double.self, at: 4) == 1.85)
            #expect(try row.decode(Int64.self, at: 5) == 1_764_006_000)
            await connection.close()
        }
    }
}
