import Configuration
import VoltlineAnalytics

/// Settings of the features consumer.
struct FeaturesSettings: Sendable {
    /// The consumer group.
    var groupID: String
    /// The most readings handled (and written) in one transaction.
    var batchLimit: Int
    /// Window lateness and zero-order-hold limits.
    var windows: WindowConfiguration
    /// Wall-clock silence after which a device's open windows and segment are closed, so that offsets
    /// can advance past them.
    var idleTimeout: Duration

    /// Reads `features.group-id` (default `voltline-features`), `features.batch-limit` (5000),
    /// `features.allowed-lateness-ms` (30000), `features.max-hold-ms` (60000) and
    /// `features.idle-timeout-seconds` (300).
    init(reader: ConfigReader) {
        groupID = reader.string(forKey: "features.group-id", default: "voltline-features")
        batchLimit = max(1, reader.int(forKey: "features.batch-limit", default: 5000))
        windows = WindowConfiguration(
            allowedLatenessMillis: Int64(reader.int(forKey: "features.allowed-lateness-ms", default: 30_000)),
            maxHoldMillis: Int64(reader.int(forKey: "features.max-hold-ms", default: 60_000)))
        idleTimeout = .seconds(reader.int(forKey: "features.idle-timeout-seconds", default: 300))
    }
}
