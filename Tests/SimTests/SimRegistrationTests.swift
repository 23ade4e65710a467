import Testing
import VoltlineDomain
import VoltlinePostgres
import VoltlineTestSupport

@testable import Sim

@Suite("Sim registration", .timeLimit(.minutes(3)))
struct SimRegistrationTests {
    @Test("registers machines and packs with their nameplates, even with no broker to publish to")
    func registersDevices() async throws {
        try await TestDatabase.with { database in
            let harness = try await SimHarness.start([
                "database.url": .init(stringLiteral: database.url), "sim.register": true, "sim.devices": 2,
                "mqtt.port": .init(integerLiteral: try TestBroker.freePort()), "sim.shutdown-timeout": 0.5,
            ])
            let connection = try await database.connect()
            func rows() async throws -> [(id: String, kind: String, chemistry: String?, series: Int?, power: Double?)] {
                try await connection.query(
                    "SELECT device_id, kind, chemistry, cells_series, rated_power_kw FROM devices ORDER BY device_id"
                ).map {
                    (
                        try $0.decode(String.self, at: 0), try $0.decode(String.self, at: 1),
                        try $0.decode(String?.self, at: 2), try $0.decode(Int?.self, at: 3),
                        try $0.decode(Double?.self, at: 4)
                    )
                }
            }
            try await waitUntil("13 devices registered") { try await rows().count == 13 }
            try await harness.stop()
            let registered = try await rows()
            await connection.close()

            let packs = Dictionary(uniqueKeysWithValues: registered.filter { $0.kind == "battery_pack" }.map { ($0.id, $0) })
            #expect(packs.count == 5)
            #expect(packs["pack-byd-blade-01"]?.chemistry == "LFP")
            #expect(packs["pack-byd-blade-01"]?.series == 104)
            #expect(packs["pack-samsung-25r-01"]?.chemistry == "NMC")
            #expect(packs["pack-tesla-model-y-01"]?.chemistry == "NCA")
            let machines = registered.filter { $0.kind == "machine" }
            #expect(machines.count == 8)
            #expect(machines.allSatisfy { $0.chemistry == nil && ($0.power ?? 0) > 0 })
            #expect(machines.first { $0.id == "press-01" }?.power == 75)
        }
    }
}
