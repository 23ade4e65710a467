import Foundation
import VoltlinePostgres

/// An `alert_events` row: one transition of an alert.
struct AlertEventJSON: Encodable, Sendable {
    var id: Int64
    /// Epoch milliseconds.
    var at: Int64
    var event: String
    var level: String
    var state: String
    var actor: String
    var note: String?

    /// Reads a row of the table (`SELECT *`).
    init(row: PostgresRow) throws {
        id = try row.decode(named: "id")
        at = try row.decode(Date.self, named: "at").epochMilliseconds
        event = try row.decode(named: "event")
        level = try row.decode(named: "level")
        state = try row.decode(named: "state")
        actor = try row.decode(named: "actor")
        note = try row.decode(named: "note")
    }
}
