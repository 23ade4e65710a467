import Foundation
import Testing
import VoltlineAnalytics
import VoltlineBatteryHealth
import VoltlinePostgres
import VoltlineTestSupport

@testable import Anomaly

@Suite("Battery health store", .timeLimit(.minutes(3)))
struct BatteryHealthStoreTests {
    @Test("health estimates and risk changes are written once and read back")
    func writesHealthAndRisk() async throws {
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            try await connection.execute(
                "INSERT INTO devices (device_id, kind) VALUES ('pack-7', 'battery_pack')")
            let start = Date(timeIntervalSince1970: 1_764_000_000)
            let life = RemainingLife(
                threshold: 0.8, currentCycles: 10, endOfLifeCycles: 200, endOfLifeCyclesLow: 150,
                endOfLifeCyclesHigh: 260, endOfLifeDate: start.addingTimeInterval(86_400 * 190))
            for index in 0..<3 {
                let inserted = try await BatteryHealthStore.insertHealth(
                    deviceID: "pack-7", at: start.addingTimeInterval(Double(index) * 3600), cycles: Double(index),
                    model: nil, plain: 1 - 0.01 * Double(index), modelVersion: nil, life: life, threshold: 0.8,
                    on: connection)
                #expect(inserted)
            }
            #expect(
                try await BatteryHealthStore.insertHealth(
                    deviceID: "pack-7", at: start, cycles: 0, model: nil, plain: 1, modelVersion: nil, life: nil,
                    threshold: 0.8, on: connection) == false)
            let history = try await BatteryHealthStore.history(of: "pack-7", on: connection)
            #expect(history.map(\.stateOfHealth) == [1, 0.99, 0.98])
            #expect(history.last?.date == start.addingTimeInterval(7200))

            let assessment = ThermalRiskAssessor().assess(
                PackPrecursors(restSelfHeatingCPerMinute: 0.3, restVoltageDropMVPerHour: 40))
            let anomaly = BatteryRiskAnomaly(deviceID: "pack-7", timeMillis: 1_764_000_000_000, assessment: assessment)
            #expect(anomaly.level == "danger")
            #expect(
                try await BatteryHealthStore.insertRisk(
                    anomaly, assessment: assessment, precursors: PackPrecursors(restSelfHeatingCPerMinute: 0.3),
                    on: connection))
            #expect(
                try await BatteryHealthStore.insertRisk(
                    anomaly, assessment: assessment, precursors: PackPrecursors(), on: connection) == false)
            let rows = try await connection.query(
                "SELECT r.level, a.rule FROM battery_risk r JOIN anomalies a USING (device_id, ts) WHERE device_id = 'pack-7'")
            #expect(rows.count == 1)
            #expect(try rows.first?.decode(String.self, at: 0) == "danger")
            #expect(try rows.first?.decode(String.self, at: 1) == "pack.thermal_runaway_risk")
            let status = try await connection.query(
                "SELECT remaining_cycles, risk_level FROM battery_pack_status WHERE device_id = 'pack-7'")
            #expect(try status.first?.decode(Double.self, at: 0) == 198)
            await connection.close()
        }
    }
}
