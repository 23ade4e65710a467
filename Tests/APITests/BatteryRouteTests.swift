import Foundation
import HummingbirdTesting
import Testing
import VoltlinePostgres

@Suite("API battery routes", .timeLimit(.minutes(2)))
struct BatteryRouteTests {
    struct StatusShape: Decodable {
        var deviceId: String
        var soh: Double?
        var remainingCycles: Double?
        var riskLevel: String?
    }

    struct HealthShape: Decodable {
        var estimatedAt: Int64
        var sohModel: Double?
        var sohPlain: Double
        var eolCyclesLow: Double?
        var eolCyclesHigh: Double?
    }

    struct RiskShape: Decodable {
        struct Finding: Decodable {
            var precursor: String
            var level: String
        }
        var level: String
        var findings: [Finding]
    }

    @Test func showsLatestHealthRemainingLifeAndRiskPerPack() async throws {
        try await withAPI { client, db, _ in
            try await Fixtures.insertDevices(db)
            let day: Double = 86_400
            for (index, soh) in [0.95, 0.94].enumerated() {
                let at = Fixtures.start.addingTimeInterval(Double(index) * day)
                _ = try await db.query(
                    """
                    INSERT INTO battery_health (device_id, estimated_at, equivalent_full_cycles, soh_model, soh_plain,
                        eol_threshold, eol_cycles, eol_cycles_low, eol_cycles_high)
                    VALUES ('pack-01', \(at), \(100.0 + Double(index)), \(soh), \(soh + 0.01), 0.8, 400.0, 350.0, 460.0)
                    """)
            }
            _ = try await db.query(
                """
                INSERT INTO battery_risk (device_id, ts, level, findings, precursors)
                VALUES ('pack-01', \(Fixtures.start), 'critical',
                    '[{"precursor":"rest_self_heating","value":0.3,"level":"critical"}]'::jsonb, '{}'::jsonb)
                """)
            try await client.execute(uri: "/api/v1/batteries", method: .get) { response in
                #expect(response.status == .ok)
                let page = try decode(PageShape<StatusShape>.self, from: response)
                let pack = try #require(page.items.first { $0.deviceId == "pack-01" })
                #expect(pack.soh == 0.94)
                #expect(pack.remainingCycles == 299)
                #expect(pack.riskLevel == "critical")
                #expect(!page.items.contains { $0.deviceId.hasPrefix("press") })
            }
            let from = Int64(Fixtures.start.timeIntervalSince1970 * 1000)
            try await client.execute(
                uri: "/api/v1/batteries/pack-01/health?from=\(from)&to=\(from + 3 * 86_400_000)", method: .get
            ) { response in
                let page = try decode(PageShape<HealthShape>.self, from: response)
                #expect(page.items.map(\.sohModel) == [0.95, 0.94])
                #expect(page.items.first?.eolCyclesLow == 350)
            }
            try await client.execute(
                uri: "/api/v1/batteries/pack-01/risk?from=\(from)&to=\(from + 1000)", method: .get
            ) { response in
                let page = try decode(PageShape<RiskShape>.self, from: response)
                #expect(page.items.first?.level == "critical")
                #expect(page.items.first?.findings.first?.precursor == "rest_self_heating")
            }
            try await client.execute(uri: "/api/v1/batteries/bad%20id/health", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}
