import Configuration
import Foundation

/// Settings of the alerts service's own components.
struct AlertsSettings: Sendable {
    /// The Kafka consumer group and the `stream_offsets` group of the anomaly sink.
    var consumerGroup: String
    /// The most anomaly messages applied in one transaction.
    var sinkBatchSize: Int
    /// How often unpublished alert events are looked for (besides after every sink batch), so that
    /// transitions made through the api are published too.
    var publishInterval: Duration
    /// The most events published in one pass.
    var publishBatchSize: Int
    /// The MQTT client id (a clean session, so it only has to be unique).
    var mqttClientID: String

    /// Reads `alerts.consumer-group` (default `voltline-alerts`), `alerts.sink-batch-size` (500),
    /// `alerts.publish-interval-ms` (1000), `alerts.publish-batch-size` (500) and `alerts.mqtt-client-id`
    /// (default `voltline-alerts-<host>-<pid>`).
    init(reader: ConfigReader) {
        consumerGroup = reader.string(forKey: "alerts.consumer-group", default: "voltline-alerts")
        sinkBatchSize = reader.int(forKey: "alerts.sink-batch-size", default: 500)
        publishInterval = .milliseconds(reader.int(forKey: "alerts.publish-interval-ms", default: 1_000))
        publishBatchSize = reader.int(forKey: "alerts.publish-batch-size", default: 500)
        let process = ProcessInfo.processInfo
        mqttClientID = reader.string(
            forKey: "alerts.mqtt-client-id", default: "voltline-alerts-\(process.hostName)-\(process.processIdentifier)")
    }
}
