import Foundation
import Hummingbird
import VoltlinePostgres

/// `/api/v1/alerts...`: listing, one alert with its history, and the operator transitions.
///
/// Transitions go through the alerts service's SQL functions `voltline_acknowledge_alert` and
/// `voltline_resolve_alert` (`(alert_id bigint, actor text, note text) RETURNS boolean`), so the alert state
/// machine lives in one place; `false` means the transition is not allowed from the alert's state (409).
struct AlertRoutes: Sendable {
    let pool: PostgresPool

    private static let states = ["active", "acknowledged", "resolved"]
    private static let levels = ["warning", "critical", "danger"]

    /// Adds the routes to `group` (mounted at `/api/v1`).
    func register(on group: RouterGroup<APIRequestContext>) {
        group.get("alerts") { request, _ in try await list(QueryParameters(request)) }
        group.get("alerts/:id") { _, context in try await alert(try alertID(context)) }
        group.post("alerts/:id/acknowledge") { request, context in
            try await transition(.acknowledge, request: request, context: context)
        }
        group.post("alerts/:id/resolve") { request, context in
            try await transition(.resolve, request: request, context: context)
        }
    }

    /// Alerts newest first, filtered by `state`, `device` and `level`; paged with `limit` and `before_id`.
    private func list(_ query: QueryParameters) async throws -> Page<AlertJSON> {
        let state = try query.oneOf("state", Self.states)
        let level = try query.oneOf("level", Self.levels)
        let device = query.string("device")
        let beforeID = try query.positiveInteger("before_id") ?? Int64.max
        let limit = try query.limit()
        let rows = try await pool.withConnection { connection in
            try await connection.query(
                """
                SELECT * FROM alerts
                WHERE id < \(beforeID) AND (\(state)::text IS NULL OR state = \(state))
                  AND (\(level)::text IS NULL OR level = \(level)) AND (\(device)::text IS NULL OR device_id = \(device))
                ORDER BY id DESC LIMIT \(limit)
                """)
        }
        let alerts = try rows.map(AlertJSON.init(row:))
        return Page(items: alerts, nextBeforeID: alerts.count == limit ? alerts.last?.id : nil)
    }

    /// One alert with its events, oldest first.
    private func alert(_ id: Int64) async throws -> AlertJSON {
        try await pool.withConnection { connection in
            guard let row = try await connection.query("SELECT * FROM alerts WHERE id = \(id)").first else {
                throw HTTPError(.notFound, message: "no alert \(id)")
            }
            var alert = try AlertJSON(row: row)
            alert.events = try await connection.query(
                "SELECT * FROM alert_events WHERE alert_id = \(id) ORDER BY at, id"
            ).map(AlertEventJSON.init(row:))
            return alert
        }
    }

    /// An operator transition of an alert.
    private enum Transition: String {
        case acknowledge
        case resolve

        var pastTense: String { self == .acknowledge ? "acknowledged" : "resolved" }
    }

    /// Applies `transition` and returns the alert afterwards; 404 for an unknown alert, 409 when its state
    /// does not allow the transition.
    private func transition(
        _ transition: Transition, request: Request, context: APIRequestContext
    ) async throws -> AlertJSON {
        let id = try alertID(context)
        let body = try await request.decode(as: AlertActionRequest.self, context: context).validated()
        let applied = try await pool.withConnection { connection in
            try await connection.withTransaction { connection in
                let rows: PostgresRows
                switch transition {
                case .acknowledge:
                    rows = try await connection.query(
                        "SELECT voltline_acknowledge_alert(\(id), \(body.actor), \(body.note)) AS applied")
                case .resolve:
                    rows = try await connection.query(
                        "SELECT voltline_resolve_alert(\(id), \(body.actor), \(body.note)) AS applied")
                }
                let applied = try rows.first?.decode(Bool?.self, at: 0) ?? nil
                if applied == true { return true }
                guard try await !connection.query("SELECT 1 FROM alerts WHERE id = \(id)").isEmpty else {
                    throw HTTPError(.notFound, message: "no alert \(id)")
                }
                return false
            }
        }
        guard applied else {
            let state = try await alert(id).state
            throw HTTPError(.conflict, message: "alert \(id) is \(state); it cannot be \(transition.pastTense)")
        }
        return try await alert(id)
    }

    private func alertID(_ context: APIRequestContext) throws -> Int64 {
        let text = try context.parameters.require("id")
        guard let id = Int64(text), id > 0 else {
            throw HTTPError(.badRequest, message: "alert id must be a positive integer; got \"\(text)\"")
        }
        return id
    }
}
