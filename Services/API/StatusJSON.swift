import Hummingbird

/// `GET /api/v1/status`. Counts are `null` when the database could not be asked.
struct StatusJSON: ResponseEncodable {
    struct Database: Encodable, Sendable {
        var reachable: Bool
    }

    struct Versions: Encodable, Sendable {
        /// This service's release.
        var api: String
        /// The highest applied migration.
        var schema: Int?
    }

    var database: Database
    var kafka: LiveFollowerStatus
    var liveClients: Int
    var devices: Int?
    var readingsLastMinute: Int?
    /// Alerts not yet resolved, by level.
    var openAlerts: [String: Int]?
    var versions: Versions
}
