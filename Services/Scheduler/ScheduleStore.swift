import Foundation
import VoltlinePostgres
import VoltlineScheduling

/// The scheduler's tables (migration 0011): the request queue and each outcome's plan, battery plan and
/// recommendations.
struct ScheduleStore: Sendable {
    let pool: PostgresPool

    /// A request taken from the queue.
    struct Claimed: Sendable {
        let id: Int64
        let problem: ScheduleProblem
        let settings: OptimizerSettings
    }

    /// Queues a request (through `voltline_submit_schedule`, as the api does).
    /// - Returns: the request id.
    func submit(_ problem: ScheduleProblem, settings: OptimizerSettings, site: String) async throws -> Int64 {
        let problemJSON = try Self.json(problem)
        let settingsJSON = try Self.json(settings)
        let rows = try await pool.withConnection { connection in
            try await connection.query(
                "SELECT voltline_submit_schedule(\(problemJSON)::jsonb, \(settingsJSON)::jsonb, \(site))")
        }
        return try rows[0].decode(Int64.self, at: 0)
    }

    /// Marks the oldest queued request running and returns it; `nil` when the queue is empty. Concurrent
    /// schedulers skip each other's rows (`FOR UPDATE SKIP LOCKED`).
    /// - Throws: on database errors; a request whose stored JSON no longer decodes is marked failed and skipped.
    func claimNext() async throws -> Claimed? {
        let rows = try await pool.withConnection { connection in
            try await connection.query(
                """
                UPDATE schedule_requests SET status = 'running', started_at = now()
                WHERE id = (SELECT id FROM schedule_requests WHERE status = 'queued' ORDER BY id
                            FOR UPDATE SKIP LOCKED LIMIT 1)
                RETURNING id, problem::text, settings::text
                """)
        }
        guard let row = rows.first else { return nil }
        let id = try row.decode(Int64.self, at: 0)
        do {
            let decoder = ScheduleProblem.jsonDecoder
            return Claimed(
                id: id, problem: try decoder.decode(ScheduleProblem.self, from: Data(try row.decode(String.self, at: 1).utf8)),
                settings: try decoder.decode(OptimizerSettings.self, from: Data(try row.decode(String.self, at: 2).utf8)))
        } catch {
            try await finish(id, status: "failed", error: ["message": "stored request does not decode: \(error)"])
            return try await claimNext()
        }
    }

    /// Stores an outcome: the request row's figures and the full outcome, one row per job, per battery slot and per
    /// recommendation, in one transaction.
    func complete(_ id: Int64, problem: ScheduleProblem, outcome: ScheduleOutcome) async throws {
        let outcomeJSON = try Self.json(outcome)
        try await pool.withConnection { connection in
            try await connection.withTransaction { transaction in
                try await transaction.execute(
                    """
                    UPDATE schedule_requests SET status = 'done', finished_at = now(), method = \(outcome.method),
                        solver_status = \(outcome.status), currency = \(problem.currency), objective = \(outcome.objective),
                        best_bound = \(outcome.bestBound), gap = \(outcome.gap), solve_seconds = \(outcome.solveSeconds),
                        heuristic_cost = \(outcome.heuristic?.cost.total), baseline_cost = \(outcome.baseline?.cost.total),
                        savings = \(outcome.savings), peak_kw = \(outcome.plan.cost.peakKW), outcome = \(outcomeJSON)::jsonb
                    WHERE id = \(id)
                    """)
                let slot = { (slot: Int) in problem.start.addingTimeInterval(Double(slot * problem.slotMinutes * 60)) }
                for (number, assignment) in outcome.plan.assignments.enumerated() {
                    let baseline = outcome.baseline.map { slot($0.assignments[number].startSlot) }
                    try await transaction.execute(
                        """
                        INSERT INTO schedule_assignments
                            (request_id, job, machine, starts_at, ends_at, baseline_starts_at, lateness_slots)
                        VALUES (\(id), \(assignment.job), \(assignment.machine), \(slot(assignment.startSlot)),
                                \(slot(assignment.endSlot)), \(baseline), \(assignment.latenessSlots))
                        """)
                }
                for step in outcome.plan.storage {
                    try await transaction.execute(
                        """
                        INSERT INTO schedule_storage_steps (request_id, slot_start, charge_kw, discharge_kw, soc_kwh)
                        VALUES (\(id), \(slot(step.slot)), \(step.chargeKW), \(step.dischargeKW), \(step.socKWh))
                        """)
                }
                for (rank, advice) in outcome.recommendations.enumerated() {
                    try await transaction.execute(
                        """
                        INSERT INTO schedule_recommendations (request_id, rank, kind, job, savings, currency, text)
                        VALUES (\(id), \(rank + 1), \(advice.kind), \(advice.job), \(advice.savings), \(problem.currency),
                                \(advice.text))
                        """)
                }
            }
        }
    }

    /// Ends a request that has no plan: `infeasible` with the reasons, or `failed`.
    func finish(_ id: Int64, status: String, error: some Encodable & Sendable) async throws {
        let errorJSON = try Self.json(error)
        _ = try await pool.withConnection { connection in
            try await connection.execute(
                """
                UPDATE schedule_requests SET status = \(status), finished_at = now(), error = \(errorJSON)::jsonb
                WHERE id = \(id)
                """)
        }
    }

    /// A request's status and stored outcome JSON, `nil` when there is no such request.
    func status(of id: Int64) async throws -> (status: String, outcome: String?, error: String?)? {
        let rows = try await pool.withConnection { connection in
            try await connection.query(
                "SELECT status, outcome::text, error::text FROM schedule_requests WHERE id = \(id)")
        }
        guard let row = rows.first else { return nil }
        return (try row.decode(String.self, at: 0), try row.decode(String?.self, at: 1), try row.decode(String?.self, at: 2))
    }

    private static func json(_ value: some Encodable) throws -> String {
        String(decoding: try ScheduleProblem.jsonEncoder.encode(value), as: UTF8.self)
    }
}
