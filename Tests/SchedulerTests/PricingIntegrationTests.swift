import Configuration
import Foundation
import Logging
import Prometheus
import Testing
import VoltlinePostgres
import VoltlineScheduling
import VoltlineTestSupport

@testable import Scheduler

@Suite("Energy pricing against PostgreSQL", .timeLimit(.minutes(3)))
struct PricingIntegrationTests {
    private func build(_ db: TestDatabase, extra: [AbsoluteConfigKey: ConfigValue] = [:]) async throws
        -> SchedulerServices
    {
        let values: [AbsoluteConfigKey: ConfigValue] = ["database.url": .init(.string(db.url), isSecret: true), "http.port": 0]
        let reader = ConfigReader(provider: InMemoryProvider(values: values.merging(extra) { $1 }))
        return try await buildScheduler(
            reader: reader, registry: PrometheusCollectorRegistry(), logger: Logger(label: "scheduler-test"))
    }

    @Test("one pass prices every interval once under the default tariff; a second pass adds nothing")
    func pricingPass() async throws {
        try await TestDatabase.with { db in
            let connection = try await db.connect()
            defer { Task { await connection.close() } }
            try await connection.execute(
                """
                INSERT INTO devices (device_id, kind, site, line) VALUES
                    ('press-01', 'machine', 'gwangyang', 'line-a'), ('oven-02', 'machine', 'gwangyang', NULL)
                """)
            // 2018-01-09 (winter, Tuesday) in Korean time: 08:45 off-peak, 09:00 shoulder, 10:00 peak.
            for (device, local, energy) in [
                ("press-01", "2018-01-09T08:45:00", 10.0), ("press-01", "2018-01-09T09:00:00", 20.0),
                ("press-01", "2018-01-09T10:00:00", 30.0), ("oven-02", "2018-01-09T10:00:00", 5.0),
                ("unregistered-7", "2018-01-09T10:15:00", 1.0),
            ] {
                try await connection.execute(
                    """
                    INSERT INTO energy_15m (device_id, interval_start, energy_kwh, demand_kw, samples, completeness)
                    VALUES (\(device), \(try #require(ISO8601DateFormatter().date(from: local + "+09:00"))), \(energy), \(energy * 4), 900, 1)
                    """)
            }
            let services = try await build(db)
            #expect(try await services.pricer.priceOnce() == 5)

            let rows = try await connection.query(
                """
                SELECT device_id, site, line, tariff, period, energy_kwh, price_per_kwh, cost FROM energy_costs
                ORDER BY interval_start, device_id
                """)
            let summary = try rows.map {
                "\(try $0.decode(String.self, at: 0)) \(try $0.decode(String.self, at: 1)) \(try $0.decode(String?.self, at: 2) ?? "-") \(try $0.decode(String.self, at: 3)) \(try $0.decode(String.self, at: 4)) \(try $0.decode(Double.self, at: 5)) \(try $0.decode(Double.self, at: 6))"
            }
            #expect(
                summary == [
                    "press-01 gwangyang line-a kr-industrial-gap2-hv-a-1 off-peak 10.0 103.1",
                    "press-01 gwangyang line-a kr-industrial-gap2-hv-a-1 shoulder 20.0 120.0",
                    "oven-02 gwangyang - kr-industrial-gap2-hv-a-1 peak 5.0 149.4",
                    "press-01 gwangyang line-a kr-industrial-gap2-hv-a-1 peak 30.0 149.4",
                    "unregistered-7 default - kr-industrial-gap2-hv-a-1 peak 1.0 149.4",
                ])

            let byPeriod = try await connection.query(
                "SELECT period, energy_kwh, cost FROM bi_energy_cost_by_site_period WHERE site = 'gwangyang' ORDER BY period")
            let totals = try byPeriod.map { (try $0.decode(String.self, at: 0), try $0.decode(Double.self, at: 1), try $0.decode(Double.self, at: 2)) }
            #expect(totals.map(\.0) == ["off-peak", "peak", "shoulder"])
            #expect(totals.map(\.1) == [10, 35, 20])
            #expect(abs(totals[1].2 - 35 * 149.4) < 1e-6)
            let daily = try await connection.query(
                "SELECT sum(cost) FROM bi_energy_cost_daily WHERE site = 'gwangyang' AND line = 'line-a'")
            #expect(abs(try daily[0].decode(Double.self, at: 0) - (10 * 103.1 + 20 * 120.0 + 30 * 149.4)) < 1e-6)

            #expect(try await services.pricer.priceOnce() == 0)
            let count = try await connection.query("SELECT count(*) FROM energy_costs")
            #expect(try count[0].decode(Int64.self, at: 0) == 5)
        }
    }

    @Test("a tariff file replaces the active tariff; later intervals are priced under it")
    func tariffFile() async throws {
        try await TestDatabase.with { db in
            _ = try await build(db)  // installs the default
            let flat = try Tariff(
                name: "flat", currency: "EUR", utcOffsetMinutes: 0,
                seasons: [
                    TariffSeason(name: "all", months: Set(1...12), windows: [], otherwise: "flat", prices: ["flat": 0.25])
                ])
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("tariff-\(UUID().uuidString).json")
            try JSONEncoder().encode(flat).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let services = try await build(db, extra: ["scheduler.tariff-file": .init(.string(file.path), isSecret: false)])

            let connection = try await db.connect()
            defer { Task { await connection.close() } }
            let active = try await connection.query("SELECT name, currency, timezone FROM tariffs WHERE active")
            #expect(active.count == 1)
            #expect(try active[0].decode(String.self, at: 0) == "flat")
            #expect(try active[0].decode(String.self, at: 2) == "UTC+00:00")
            try await connection.execute(
                """
                INSERT INTO energy_15m (device_id, interval_start, energy_kwh, demand_kw, samples, completeness)
                VALUES ('m-1', '2025-11-21T10:00:00Z', 8, 32, 900, 1)
                """)
            #expect(try await services.pricer.priceOnce() == 1)
            let cost = try await connection.query("SELECT tariff, period, cost FROM energy_costs")
            #expect(try cost[0].decode(String.self, at: 0) == "flat")
            #expect(try cost[0].decode(Double.self, at: 2) == 2)
        }
    }
}
