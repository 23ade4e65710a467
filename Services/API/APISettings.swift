import Configuration

/// Settings of the API service beyond the shared connection settings and `http.host` / `http.port`.
///
/// Keys (flag / environment): `api.latest-window-seconds` (`VOLTLINE_API_LATEST_WINDOW_SECONDS`, default 3600),
/// `api.database-check-seconds` (default 5), `live.client-buffer` (default 256), `live.reading-interval-ms`
/// (default 500), `live.group-prefix` (default `voltline-api`).
struct APISettings: Sendable {
    /// How far back `GET /api/v1/latest` looks for each device's latest reading.
    var latestWindow: Duration
    /// How often the database is probed for `/readyz` and `/api/v1/status`.
    var databaseCheckInterval: Duration
    /// WebSocket frames held per client; a slow client loses its oldest frames beyond this.
    var liveClientBuffer: Int
    /// At most one live reading per device per this much event time; 0 sends every reading.
    var liveReadingInterval: Duration
    /// The follower's consumer group is `<prefix>-<uuid>`: unique per instance, so every instance sees
    /// every message.
    var liveGroupPrefix: String

    /// Reads the settings.
    init(reader: ConfigReader) {
        latestWindow = .seconds(max(1, reader.int(forKey: "api.latest-window-seconds", default: 3600)))
        databaseCheckInterval = .seconds(max(1, reader.int(forKey: "api.database-check-seconds", default: 5)))
        liveClientBuffer = max(1, reader.int(forKey: "live.client-buffer", default: 256))
        liveReadingInterval = .milliseconds(max(0, reader.int(forKey: "live.reading-interval-ms", default: 500)))
        liveGroupPrefix = reader.string(forKey: "live.group-prefix", default: "voltline-api")
    }
}
