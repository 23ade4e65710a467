import Configuration

/// Settings of the anomaly service's battery health.
struct BatteryHealthSettings: Sendable {
    /// The consumer group.
    var groupID: String
    /// The most messages handled in one batch.
    var batchLimit: Int
    /// End of life as a state of health.
    var endOfLifeThreshold: Double
    /// Least time between looks for a newer stored model.
    var modelRefresh: Duration

    /// Reads `anomaly.battery.group-id` (default `voltline-anomaly-battery`), `anomaly.batch-limit` (1000),
    /// `anomaly.battery.end-of-life` (0.8) and `anomaly.battery.model-refresh-seconds` (300).
    init(reader: ConfigReader) {
        groupID = reader.string(forKey: "anomaly.battery.group-id", default: "voltline-anomaly-battery")
        batchLimit = max(1, reader.int(forKey: "anomaly.batch-limit", default: 1000))
        endOfLifeThreshold = reader.double(forKey: "anomaly.battery.end-of-life", default: 0.8)
        modelRefresh = .seconds(reader.int(forKey: "anomaly.battery.model-refresh-seconds", default: 300))
    }
}
