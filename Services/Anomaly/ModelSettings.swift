import Configuration

/// Settings of the learned detectors in the anomaly service.
///
/// Keys: `anomaly.models.group-id` (consumer group on `voltline.features.v1`, default
/// `voltline-anomaly-models`), `anomaly.models.admin-group-id` (group on `voltline.commands.v1`,
/// `voltline-anomaly-admin`), `anomaly.models.retrain-hours` (24), `anomaly.models.training-days` (14),
/// `anomaly.models.minimum-rows` (rows of history a kind needs for a forest, 500),
/// `anomaly.models.warning-score` (0.95), `anomaly.models.critical-score` (0.99), `anomaly.models.raise-alerts`
/// (false: learned risk levels are stored in `anomaly_scores` for dashboards and BI, but only raise anomalies,
/// and so alerts, when switched on; on the simulator's normal fleet they fired on ordinary on/off switching,
/// so they stay advisory until their thresholds are tuned per site).
struct ModelSettings: Sendable {
    var groupID: String
    var adminGroupID: String
    var retrainHours: Int
    var trainingDays: Int
    var minimumRows: Int
    var warningScore: Double
    var criticalScore: Double
    var raiseAlerts: Bool

    init(reader: ConfigReader) {
        groupID = reader.string(forKey: "anomaly.models.group-id", default: "voltline-anomaly-models")
        adminGroupID = reader.string(forKey: "anomaly.models.admin-group-id", default: "voltline-anomaly-admin")
        retrainHours = max(1, reader.int(forKey: "anomaly.models.retrain-hours", default: 24))
        trainingDays = max(1, reader.int(forKey: "anomaly.models.training-days", default: 14))
        minimumRows = max(10, reader.int(forKey: "anomaly.models.minimum-rows", default: 500))
        warningScore = reader.double(forKey: "anomaly.models.warning-score", default: 0.95)
        criticalScore = reader.double(forKey: "anomaly.models.critical-score", default: 0.99)
        raiseAlerts = reader.bool(forKey: "anomaly.models.raise-alerts", default: false)
    }
}
