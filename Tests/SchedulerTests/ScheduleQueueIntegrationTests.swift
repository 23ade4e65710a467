import Configuration
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import Testing
import VoltlinePostgres
import VoltlineScheduling
import VoltlineTestSupport

@testable import Scheduler

@Suite("Optimisation requests against PostgreSQL", .timeLimit(.minutes(3)))
struct ScheduleQueueIntegrationTests {
    private func build(_ db: TestDatabase) async throws -> SchedulerServices {
        let values: [AbsoluteConfigKey: ConfigValue] = [
            "database.url": .init(.string(db.url), isSecret: true), "http.port": 0,
        ]
        return try await buildScheduler(
            reader: ConfigReader(provider: InMemoryProvider(values: values)), registry: PrometheusCollectorRegistry(),
            logger: Logger(label: "scheduler-test"))
    }

    /// Two one-slot jobs on hourly slots priced 100, 50, 200, 60 KRW/kWh: the optimum runs them at 01:00 and
    /// 03:00 (3,450 KRW), the baseline both at 00:00 (4,550 KRW).
    private static let body = """
        {"site": "gwangyang", "settings": {"time_limit_seconds": 5},
         "problem": {"start": "2025-07-15T00:00:00Z", "utc_offset_minutes": 0, "slot_minutes": 60, "currency": "KRW",
                     "energy_price_per_kwh": [100, 50, 200, 60], "base_load_kw": [5, 5, 5, 5], "peak_limit_kw": 30,
                     "demand_charges": [{"name": "basic", "rate_per_kw": 20, "floor_kw": 0}],
                     "machines": ["m1", "m2"],
                     "jobs": [{"id": "a", "machine": "m1", "power_kw": [10], "release_slot": 0, "due_slot": 4,
                               "lateness_penalty_per_slot": 0, "predecessors": []},
                              {"id": "b", "machine": "m2", "power_kw": [10], "release_slot": 0, "due_slot": 4,
                               "lateness_penalty_per_slot": 0, "predecessors": []}]}}
        """

    @Test("a request posted to /schedules is optimised and stored with its plan and recommendations")
    func postedRequest() async throws {
        try await TestDatabase.with { db in
            let services = try await build(db)
            let app = Application(router: services.router)
            let id = try await app.test(.router) { client in
                try await client.execute(uri: "/schedules", method: .post, body: ByteBuffer(string: Self.body)) { response in
                    #expect(response.status == .accepted)
                    let text = String(buffer: response.body)
                    #expect(text.hasSuffix(#""status":"queued"}"#))
                    return try #require(Int64(text.split(separator: ":")[1].split(separator: ",")[0]))
                }
            }
            #expect(try await services.worker.workOnce())
            #expect(try await !services.worker.workOnce())
            try await app.test(.router) { client in
                try await client.execute(uri: "/schedules/\(id)", method: .get) { response in
                    #expect(response.status == .ok)
                    let json = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                    #expect(json?["status"] as? String == "done")
                    let outcome = json?["outcome"] as? [String: Any]
                    #expect(outcome?["objective"] as? Double == 3_450)
                }
                try await client.execute(uri: "/schedules", method: .post, body: ByteBuffer(string: "{}")) { response in
                    #expect(response.status == .badRequest)
                }
                try await client.execute(uri: "/schedules/999999", method: .get) { response in
                    #expect(response.status == .notFound)
                }
            }
            let connection = try await db.connect()
            defer { Task { await connection.close() } }
            let request = try await connection.query(
                "SELECT site, method, objective, baseline_cost, savings FROM bi_schedule_savings WHERE request_id = \(id)")
            #expect(try request[0].decode(String.self, at: 0) == "gwangyang")
            #expect(try request[0].decode(String.self, at: 1) == "milp")
            #expect(try request[0].decode(Double.self, at: 2) == 3_450)
            #expect(try request[0].decode(Double.self, at: 3) == 4_550)
            let starts = try await connection.query(
                "SELECT extract(hour FROM starts_at AT TIME ZONE 'UTC')::int FROM schedule_assignments WHERE request_id = \(id) ORDER BY 1")
            #expect(try starts.map { try $0.decode(Int32.self, at: 0) } == [1, 3])
            let advice = try await connection.query(
                "SELECT kind, savings, text FROM bi_schedule_recommendations WHERE request_id = \(id) ORDER BY rank")
            #expect(advice.count == 3)
            #expect(try advice.map { try $0.decode(String.self, at: 0) }.sorted() == ["move_job", "move_job", "peak"])
            #expect(try advice[0].decode(Double.self, at: 1) == 500)
        }
    }

    @Test("an infeasible request is stored with the reason, naming the job")
    func infeasibleRequest() async throws {
        try await TestDatabase.with { db in
            let services = try await build(db)
            var problem = TinyProblemsForService.twoJobs()
            problem.jobs[0].powerKW = [40]
            let id = try await services.store.submit(problem, settings: .init(), site: "default")
            #expect(try await services.worker.workOnce())
            let found = try #require(try await services.store.status(of: id))
            #expect(found.status == "infeasible")
            #expect(found.outcome == nil)
            let reasons = try ScheduleProblem.jsonDecoder.decode(
                [ScheduleInfeasibility.Reason].self, from: Data(try #require(found.error).utf8))
            #expect(reasons.map(\.constraint) == ["peak_limit"])
            #expect(reasons.first?.job == "a")
        }
    }
}

/// The two-job problem of ``ScheduleQueueIntegrationTests`` as a value.
enum TinyProblemsForService {
    static func twoJobs() -> ScheduleProblem {
        ScheduleProblem(
            start: Date(timeIntervalSince1970: 0), utcOffsetMinutes: 0, slotMinutes: 60, currency: "KRW",
            energyPricePerKWh: [100, 50, 200, 60], demandCharges: [HorizonDemandCharge(name: "basic", ratePerKW: 20)],
            baseLoadKW: [5, 5, 5, 5], peakLimitKW: 30, machines: ["m1", "m2"],
            jobs: [
                ProductionJob(id: "a", machine: "m1", powerKW: [10], dueSlot: 4),
                ProductionJob(id: "b", machine: "m2", powerKW: [10], dueSlot: 4),
            ])
    }
}
