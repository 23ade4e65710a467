import Foundation
import Hummingbird
import VoltlinePostgres

/// A `devices` row as the API returns it.
struct DeviceJSON: ResponseEncodable {
    var deviceID: String
    var kind: String
    var site: String
    var line: String?
    var displayName: String?
    var chemistry: String?
    var capacityAh: Double?
    var cellsSeries: Int?
    var cellsParallel: Int?
    var ratedPowerKW: Double?
    var autoRegistered: Bool
    /// Epoch milliseconds.
    var registeredAt: Int64
    /// Epoch milliseconds, `nil` before the first reading.
    var lastSeenAt: Int64?

    /// Reads a row of the table (`SELECT *`).
    init(row: PostgresRow) throws {
        deviceID = try row.decode(named: "device_id")
        kind = try row.decode(named: "kind")
        site = try row.decode(named: "site")
        line = try row.decode(named: "line")
        displayName = try row.decode(named: "display_name")
        chemistry = try row.decode(named: "chemistry")
        capacityAh = try row.decode(named: "capacity_ah")
        cellsSeries = try row.decode(named: "cells_series")
        cellsParallel = try row.decode(named: "cells_parallel")
        ratedPowerKW = try row.decode(named: "rated_power_kw")
        autoRegistered = try row.decode(named: "auto_registered")
        registeredAt = try row.decode(Date.self, named: "registered_at").epochMilliseconds
        lastSeenAt = try row.decode(Date?.self, named: "last_seen_at")?.epochMilliseconds
    }
}
