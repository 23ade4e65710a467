import Logging

/// Metadata keys of this module's log records, kept in one place so they stay consistent.
enum LogKey {
    static let clientID: Logger.Metadata.Key = "mqtt.client_id"
    static let error: Logger.Metadata.Key = "mqtt.error"
    static let filter: Logger.Metadata.Key = "mqtt.filter"
    static let reasonCode: Logger.Metadata.Key = "mqtt.reason_code"
    static let sessionPresent: Logger.Metadata.Key = "mqtt.session_present"
    static let topic: Logger.Metadata.Key = "mqtt.topic"
    static let mosquittoLevel: Logger.Metadata.Key = "mosquitto.level"
}
