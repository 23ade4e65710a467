import Configuration
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Prometheus
import VoltlineKafka
import VoltlinePostgres
import VoltlineTestSupport

@testable import API

/// Runs `body` against the API built by `buildApplication` over a fresh ``TestDatabase`` and a private
/// in-process Kafka broker, with port 0 and no reading thinning unless `settings` says otherwise.
func withAPI(
    _ framework: TestingSetup = .router, settings: [AbsoluteConfigKey: ConfigValue] = [:],
    _ body: @Sendable (any TestClientProtocol, PostgresConnection, KafkaDevBroker) async throws -> Void
) async throws {
    let logger = Logger(label: "api-tests")
    try await TestDatabase.with { database in
        let broker = try KafkaDevBroker(brokers: 1, port: 0, topics: KafkaDevBroker.defaultTopics, logger: logger)
        defer { broker.stop() }
        let connection = try await database.connect()
        try await AlertTransitionShim.install(on: connection)
        var values: [AbsoluteConfigKey: ConfigValue] = [
            "http.port": 0, "database.url": ConfigValue(.string(database.url), isSecret: true),
            "kafka.brokers": ConfigValue(.string(broker.bootstrapServers), isSecret: false),
            "live.reading-interval-ms": 0, "api.database-check-seconds": 1,
        ]
        values.merge(settings) { _, new in new }
        let app = try buildApplication(
            reader: ConfigReader(provider: InMemoryProvider(values: values)), registry: PrometheusCollectorRegistry(),
            logger: logger)
        do {
            try await app.test(framework) { client in try await body(client, connection, broker) }
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
    }
}

/// Decodes a JSON response body with snake_case keys.
func decode<Value: Decodable>(_ type: Value.Type, from response: TestResponse) throws -> Value {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(Value.self, from: Data(response.body.readableBytesView))
}

/// The response body as text.
func text(_ response: TestResponse) -> String {
    String(buffer: response.body)
}
