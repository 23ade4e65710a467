import Foundation
import VoltlineTestSupport
import Logging
import VoltlineMQTT

extension TestBroker {
    /// A unique name, so tests never share client ids or topics.
    static func unique(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// A configuration for this broker with short reconnect delays; `configure` adjusts it.
    func configuration(
        clientID: String, _ configure: (inout MQTTConfiguration) -> Void = { _ in }
    ) -> MQTTConfiguration {
        var configuration = MQTTConfiguration(host: "127.0.0.1", port: port, clientID: clientID)
        configuration.reconnectBackoff = .init(minimumDelay: .seconds(1), maximumDelay: .seconds(2))
        configuration.connectTimeout = .seconds(5)
        configure(&configuration)
        return configuration
    }

    /// A connected client.
    func connectedClient(
        clientID: String = unique("client"), _ configure: (inout MQTTConfiguration) -> Void = { _ in }
    ) async throws -> MQTTClient {
        let client = try MQTTClient(
            configuration: configuration(clientID: clientID, configure), logger: Logger(label: "test.\(clientID)"))
        try await client.connect()
        return client
    }
}
