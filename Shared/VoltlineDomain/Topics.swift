/// Kafka topic names (see `docs/CONTRACTS.md`).
public enum KafkaTopic {
    /// Accepted readings, binary ``ReadingCodec`` v1, keyed by device id.
    public static let readings = "voltline.readings.v1"
    /// Window features (JSON), keyed by device id.
    public static let features = "voltline.features.v1"
    /// Anomalies and condition changes (JSON), keyed by device id.
    public static let anomalies = "voltline.anomalies.v1"
    /// Alert lifecycle events (JSON), keyed by device id.
    public static let alerts = "voltline.alerts.v1"
    /// Every refused input with its reason (JSON).
    public static let deadLetter = "voltline.deadletter.v1"
    /// Commands for gateways and the simulator (JSON), keyed by gateway id.
    public static let commands = "voltline.commands.v1"
}

/// MQTT topic names (see `docs/CONTRACTS.md`).
public enum MQTTTopic {
    /// Where gateway `gatewayID` publishes readings.
    public static func telemetry(gateway gatewayID: String) -> String { "voltline/v1/telemetry/\(gatewayID)" }
    /// The filter ingest replicas share.
    public static let telemetrySharedFilter = "$share/voltline-ingest/voltline/v1/telemetry/+"
    /// Where commands for gateway `gatewayID` arrive.
    public static func commands(gateway gatewayID: String) -> String { "voltline/v1/commands/\(gatewayID)" }
    /// Where the current alert of a device is published (retained).
    public static func alert(site: String, device: String) -> String { "voltline/v1/alerts/\(site)/\(device)" }
}
