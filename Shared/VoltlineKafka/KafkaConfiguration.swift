/// Settings shared by every Kafka client: where the cluster is, who the client is, and any other
/// librdkafka property.
///
/// Properties are checked by librdkafka when a client is created; an unknown property or an
/// invalid value makes that initializer throw ``KafkaError/Code/invalidConfiguration`` with
/// librdkafka's own explanation.
public struct KafkaConfiguration: Sendable {
    /// `host:port` pairs used to discover the cluster (`bootstrap.servers`). Default `127.0.0.1:19092`,
    /// the port of the `voltline-kafka-dev` broker.
    public var bootstrapServers: [String]
    /// The client id sent to brokers and shown in their logs (`client.id`). Default `voltline`.
    public var clientID: String
    /// Any librdkafka property (see librdkafka's CONFIGURATION.md), applied after the settings above.
    /// Default empty.
    public var properties: [String: String]

    /// Creates a configuration.
    /// - Parameters:
    ///   - bootstrapServers: `host:port` pairs used to discover the cluster.
    ///   - clientID: the client id sent to brokers.
    ///   - properties: extra librdkafka properties, for example `["message.timeout.ms": "5000"]`.
    public init(
        bootstrapServers: [String] = ["127.0.0.1:19092"], clientID: String = "voltline",
        properties: [String: String] = [:]
    ) {
        self.bootstrapServers = bootstrapServers
        self.clientID = clientID
        self.properties = properties
    }

    /// The librdkafka properties for a client: these settings, then `overrides` on top.
    func librdkafkaProperties(overriding overrides: [String: String] = [:]) -> [String: String] {
        var all = ["bootstrap.servers": bootstrapServers.joined(separator: ","), "client.id": clientID]
        all.merge(properties) { _, new in new }
        all.merge(overrides) { _, new in new }
        return all
    }
}
