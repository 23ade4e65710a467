import Foundation
import Hummingbird
import VoltlinePostgres

/// `GET /api/v1/status`: whether the database is reachable, the live follower's Kafka state, headline counts
/// and versions. Answers 200 even when the database is down (with `database.reachable` false).
struct StatusRoutes: Sendable {
    let monitor: DatabaseMonitor
    let follower: LiveFollower
    let broadcaster: LiveBroadcaster

    /// The API's release.
    static let version = "0.1.0"

    /// Adds the route to `group` (mounted at `/api/v1`).
    func register(on group: RouterGroup<APIRequestContext>) {
        group.get("status") { _, _ in await status() }
    }

    private func status() async -> StatusJSON {
        let counts = try? await monitor.pool.withConnection { connection in
            let totals = try await connection.query(
                """
                SELECT (SELECT count(*) FROM devices) AS devices,
                       (SELECT count(*) FROM readings WHERE ts >= now() - interval '1 minute') AS readings,
                       (SELECT max(version) FROM schema_migrations) AS schema_version
                """)
            let alerts = try await connection.query(
                "SELECT level, count(*) AS open FROM alerts WHERE state <> 'resolved' GROUP BY level")
            let row = try totals.first.map { row in
                (
                    devices: try row.decode(Int.self, named: "devices"),
                    readings: try row.decode(Int.self, named: "readings"),
                    schema: try row.decode(Int?.self, named: "schema_version")
                )
            }
            var openAlerts = ["warning": 0, "critical": 0, "danger": 0]
            for alert in alerts { openAlerts[try alert.decode(named: "level")] = try alert.decode(named: "open") }
            return (row, openAlerts)
        }
        return StatusJSON(
            database: .init(reachable: counts != nil),
            kafka: await follower.status(),
            liveClients: broadcaster.clientCount,
            devices: counts?.0?.devices,
            readingsLastMinute: counts?.0?.readings,
            openAlerts: counts?.1,
            versions: .init(api: Self.version, schema: counts?.0?.schema))
    }
}
