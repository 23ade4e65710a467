import Foundation
import Hummingbird
import VoltlinePostgres
import VoltlineScheduling

/// Optimisation jobs and their recommendations. Requests are queued through the scheduler's
/// `voltline_submit_schedule` function (migration 0011); the scheduler optimises them and stores the outcome.
///
/// - `POST /api/v1/schedules`: `{"problem": {…}, "settings": {…}, "site": "…"}` (the ``ScheduleProblem`` format)
///   → `202 {"id": 7, "status": "queued"}`.
/// - `GET /api/v1/schedules/{id}`: status and headline figures (objective, gap, baseline, saving), or the
///   reasons it is infeasible.
/// - `GET /api/v1/schedules/{id}/result`: the whole outcome (plan, battery plan, baseline, recommendations).
/// - `GET /api/v1/recommendations?site=`: the recommendations of the latest finished schedule of each site.
struct ScheduleRoutes: Sendable {
    let pool: PostgresPool

    /// Adds the routes to `group` (mounted at `/api/v1`).
    func register(on group: RouterGroup<APIRequestContext>) {
        group.post("schedules") { request, _ in try await submit(request) }
        group.get("schedules/:id") { _, context in try ScheduleJSONResponse.encode(try await status(try id(context))) }
        group.get("schedules/:id/result") { _, context in try await result(try id(context)) }
        group.get("recommendations") { request, _ in
            try ScheduleJSONResponse.encode(try await recommendations(site: QueryParameters(request).string("site")))
        }
    }

    private func id(_ context: APIRequestContext) throws -> Int64 {
        guard let id = context.parameters.get("id", as: Int64.self) else {
            throw HTTPError(.badRequest, message: "the schedule id must be an integer")
        }
        return id
    }

    private func submit(_ request: Request) async throws -> Response {
        let submission = try await ScheduleJSONResponse.decode(ScheduleSubmissionJSON.self, from: request)
        let encoder = ScheduleProblem.jsonEncoder
        let problem = String(decoding: try encoder.encode(submission.problem), as: UTF8.self)
        let settings = String(decoding: try encoder.encode(submission.settings ?? .init()), as: UTF8.self)
        let site = submission.site ?? "default"
        let rows = try await pool.withConnection { connection in
            try await connection.query("SELECT voltline_submit_schedule(\(problem)::jsonb, \(settings)::jsonb, \(site))")
        }
        return try ScheduleJSONResponse.encode(
            ScheduleStatusJSON(id: try rows[0].decode(Int64.self, at: 0), site: site, status: "queued"), status: .accepted)
    }

    private func status(_ id: Int64) async throws -> ScheduleStatusJSON {
        let rows = try await pool.withConnection { connection in
            try await connection.query(
                """
                SELECT site, status, submitted_at, finished_at, method, solver_status, currency, objective, best_bound,
                       gap, solve_seconds, heuristic_cost, baseline_cost, savings, peak_kw, error::text
                FROM schedule_requests WHERE id = \(id)
                """)
        }
        guard let row = rows.first else { throw HTTPError(.notFound, message: "no schedule \(id)") }
        let reasons = try row.decode(String?.self, at: 15).map {
            try ScheduleProblem.jsonDecoder.decode([ScheduleInfeasibility.Reason].self, from: Data($0.utf8))
        }
        return ScheduleStatusJSON(
            id: id, site: try row.decode(String.self, at: 0), status: try row.decode(String.self, at: 1),
            submittedAt: try row.decode(Date.self, at: 2), finishedAt: try row.decode(Date?.self, at: 3),
            method: try row.decode(String?.self, at: 4), solverStatus: try row.decode(String?.self, at: 5),
            currency: try row.decode(String?.self, at: 6), objective: try row.decode(Double?.self, at: 7),
            bestBound: try row.decode(Double?.self, at: 8), gap: try row.decode(Double?.self, at: 9),
            solveSeconds: try row.decode(Double?.self, at: 10), heuristicCost: try row.decode(Double?.self, at: 11),
            baselineCost: try row.decode(Double?.self, at: 12), savings: try row.decode(Double?.self, at: 13),
            peakKW: try row.decode(Double?.self, at: 14), reasons: reasons)
    }

    private func result(_ id: Int64) async throws -> Response {
        let rows = try await pool.withConnection { connection in
            try await connection.query("SELECT status, outcome::text FROM schedule_requests WHERE id = \(id)")
        }
        guard let row = rows.first else { throw HTTPError(.notFound, message: "no schedule \(id)") }
        guard let outcome = try row.decode(String?.self, at: 1) else {
            throw HTTPError(.conflict, message: "schedule \(id) is \(try row.decode(String.self, at: 0)), it has no result")
        }
        return ScheduleJSONResponse.raw(outcome)
    }

    private func recommendations(site: String?) async throws -> [ScheduleRecommendationJSON] {
        let rows = try await pool.withConnection { connection in
            try await connection.query(
                """
                SELECT r.request_id, r.site, r.finished_at, r.rank, r.kind, r.job, r.savings, r.currency, r.text
                FROM bi_schedule_recommendations r
                JOIN (SELECT site, max(id) AS id FROM schedule_requests WHERE status = 'done' GROUP BY site) latest
                  ON latest.id = r.request_id
                WHERE \(site)::text IS NULL OR r.site = \(site)
                ORDER BY r.site, r.rank
                """)
        }
        return try rows.map { row in
            ScheduleRecommendationJSON(
                schedule: try row.decode(Int64.self, at: 0), site: try row.decode(String.self, at: 1),
                finishedAt: try row.decode(Date?.self, at: 2), rank: Int(try row.decode(Int32.self, at: 3)),
                kind: try row.decode(String.self, at: 4), job: try row.decode(String?.self, at: 5),
                savings: try row.decode(Double.self, at: 6), currency: try row.decode(String.self, at: 7),
                text: try row.decode(String.self, at: 8))
        }
    }
}

/// The body of `POST /api/v1/schedules`.
struct ScheduleSubmissionJSON: Decodable {
    var problem: ScheduleProblem
    var settings: OptimizerSettings?
    var site: String?
}

/// A schedule's status and headline figures.
struct ScheduleStatusJSON: Encodable {
    var id: Int64
    var site: String
    var status: String
    var submittedAt: Date?
    var finishedAt: Date?
    var method: String?
    var solverStatus: String?
    var currency: String?
    var objective: Double?
    var bestBound: Double?
    var gap: Double?
    var solveSeconds: Double?
    var heuristicCost: Double?
    var baselineCost: Double?
    var savings: Double?
    var peakKW: Double?
    var reasons: [ScheduleInfeasibility.Reason]?
}

/// One recommendation of a site's latest schedule.
struct ScheduleRecommendationJSON: Encodable {
    var schedule: Int64
    var site: String
    var finishedAt: Date?
    var rank: Int
    var kind: String
    var job: String?
    var savings: Double
    var currency: String
    var text: String
}
