import Configuration
import VoltlineDomain

/// Ingest's own settings.
///
/// Keys (flag / `VOLTLINE_` environment variable):
/// - `ingest.instance-id` (`voltline-ingest-1`): the MQTT client id; keep it stable across restarts so the
///   persistent session (and the backlog the broker holds for it) is resumed.
/// - `ingest.device-policy` (`auto-register`): `auto-register` unknown devices, or `reject` them.
/// - `ingest.max-payload-bytes` (262144), `ingest.max-batch` (1000), `ingest.max-future-skew-ms` (300000),
///   `ingest.max-age-ms` (604800000): validation limits.
/// - `ingest.max-lag` (20000): when the store's Kafka lag on any partition exceeds this many messages, MQTT
///   intake pauses until the lag halves (the broker's persistent session holds the backlog meanwhile).
/// - `ingest.store-batch` (5000): readings written to PostgreSQL per transaction.
/// - `ingest.retention-days` (90): daily `readings` partitions older than this are dropped.
struct IngestSettings: Sendable {
    enum DevicePolicy: String, Sendable {
        case autoRegister = "auto-register"
        case reject
    }

    var instanceID: String
    var devicePolicy: DevicePolicy
    var limits: ValidationLimits
    var maxLag: Int64
    var storeBatch: Int
    var retentionDays: Int

    init(reader: ConfigReader) {
        instanceID = reader.string(forKey: "ingest.instance-id", default: "voltline-ingest-1")
        devicePolicy =
            DevicePolicy(rawValue: reader.string(forKey: "ingest.device-policy", default: "auto-register"))
            ?? .autoRegister
        let defaults = ValidationLimits()
        limits = ValidationLimits(
            maxPayloadBytes: reader.int(forKey: "ingest.max-payload-bytes", default: defaults.maxPayloadBytes),
            maxBatchReadings: reader.int(forKey: "ingest.max-batch", default: defaults.maxBatchReadings),
            maxFutureSkewMillis: Int64(
                reader.int(forKey: "ingest.max-future-skew-ms", default: Int(defaults.maxFutureSkewMillis))),
            maxAgeMillis: Int64(reader.int(forKey: "ingest.max-age-ms", default: Int(defaults.maxAgeMillis))))
        maxLag = Int64(reader.int(forKey: "ingest.max-lag", default: 20_000))
        storeBatch = reader.int(forKey: "ingest.store-batch", default: 5_000)
        retentionDays = reader.int(forKey: "ingest.retention-days", default: 90)
    }
}
