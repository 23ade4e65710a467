import Foundation
import Hummingbird
import VoltlinePostgres

/// An `alerts` row; `events` (its `alert_events` history, oldest first) only on `GET /api/v1/alerts/{id}`.
struct AlertJSON: ResponseEncodable {
    var id: Int64
    var deviceID: String
    var rule: String
    var level: String
    var state: String
    var message: String
    /// Epoch milliseconds, as every time below.
    var firstSeenAt: Int64
    var lastSeenAt: Int64
    var occurrences: Int
    var acknowledgedAt: Int64?
    var acknowledgedBy: String?
    var resolvedAt: Int64?
    var resolvedBy: String?
    var events: [AlertEventJSON]?

    /// Reads a row of the table (`SELECT *`).
    init(row: PostgresRow) throws {
        id = try row.decode(named: "id")
        deviceID = try row.decode(named: "device_id")
        rule = try row.decode(named: "rule")
        level = try row.decode(named: "level")
        state = try row.decode(named: "state")
        message = try row.decode(named: "message")
        firstSeenAt = try row.decode(Date.self, named: "first_seen_at").epochMilliseconds
        lastSeenAt = try row.decode(Date.self, named: "last_seen_at").epochMilliseconds
        occurrences = try row.decode(named: "occurrences")
        acknowledgedAt = try row.decode(Date?.self, named: "acknowledged_at")?.epochMilliseconds
        acknowledgedBy = try row.decode(named: "acknowledged_by")
        resolvedAt = try row.decode(Date?.self, named: "resolved_at")?.epochMilliseconds
        resolvedBy = try row.decode(named: "resolved_by")
    }
}
