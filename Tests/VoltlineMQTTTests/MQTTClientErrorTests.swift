import Logging
import VoltlineTestSupport
import Testing
import VoltlineMQTT

@Suite("MQTTClient rejects bad input with clear errors", .timeLimit(.minutes(1)))
struct MQTTClientErrorTests {
    private func client(_ configuration: MQTTConfiguration) throws -> MQTTClient {
        try MQTTClient(configuration: configuration, logger: Logger(label: "test.errors"))
    }

    private func configuration(port: Int = 1883, _ configure: (inout MQTTConfiguration) -> Void = { _ in })
        -> MQTTConfiguration
    {
        var configuration = MQTTConfiguration(port: port, clientID: TestBroker.unique("errors"))
        configuration.connectTimeout = .seconds(2)
        configure(&configuration)
        return configuration
    }

    @Test("connecting to a port nobody listens on throws unreachable at once")
    func unreachable() async throws {
        let client = try client(configuration(port: try TestBroker.freePort()))
        let start = ContinuousClock.now
        let error = try await #require(throws: MQTTError.self) { try await client.connect() }
        #expect(error.code == .unreachable)
        #expect(error.isRetriable)
        #expect(error.function == "mosquitto_connect_bind_v5")
        // Refused by the kernel, not retried: well under the 10 s connect timeout even on a loaded machine.
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(client.connectionState == .idle)
    }

    @Test("a server that never sends CONNACK makes connect time out instead of hanging")
    func connectTimesOut() async throws {
        try await TestBroker.withSilentListener { port in
            let client = try client(configuration(port: port) { $0.connectTimeout = .milliseconds(500) })
            let start = ContinuousClock.now
            let error = try await #require(throws: MQTTError.self) { try await client.connect() }
            #expect(error.code == .timeout)
            // The configured 500 ms applies, not the 10 s default (with room for a loaded machine).
            #expect(ContinuousClock.now - start < .seconds(8))
            await client.disconnect()
            #expect(client.connectionState == .closed)
        }
    }

    @Test("wrong credentials are reported as not authorized", arguments: [
        MQTTConfiguration.ProtocolVersion.v5, .v311,
    ])
    func wrongCredentials(version: MQTTConfiguration.ProtocolVersion) async throws {
        try await TestBroker.with(users: ["gateway": "right-password"]) { broker in
            let rejected = try client(
                broker.configuration(clientID: TestBroker.unique("bad-creds")) {
                    $0.protocolVersion = version
                    $0.username = "gateway"
                    $0.password = "wrong-password"
                })
            let error = try await #require(throws: MQTTError.self) { try await rejected.connect() }
            #expect(error.code == .notAuthorized)
            #expect(!error.isRetriable)
            #expect(error.reasonCode != nil)
            #expect(rejected.connectionState == .idle)
            #expect(!error.description.contains("wrong-password"))

            let accepted = try await broker.connectedClient {
                $0.protocolVersion = version
                $0.username = "gateway"
                $0.password = "right-password"
            }
            #expect(accepted.isConnected)
            await accepted.disconnect()
            await rejected.disconnect()
        }
    }

    @Test("a malformed host or port is rejected when the client is created", arguments: [
        "not a host!", "", "host/with/slashes",
    ])
    func malformedHost(host: String) throws {
        let error = try #require(throws: MQTTError.self) { try client(configuration { $0.host = host }) }
        #expect(error.code == .invalidArgument)
        let portError = try #require(throws: MQTTError.self) { try client(configuration(port: 70_000)) }
        #expect(portError.code == .invalidArgument)
    }

    @Test("publishing to a wildcard or empty topic fails with invalidTopic", arguments: ["a/+/b", "a/#", "#", ""])
    func invalidTopic(topic: String) async throws {
        let client = try client(configuration())
        let error = try await #require(throws: MQTTError.self) {
            try await client.publish(topic: topic, payload: [1], qos: .atLeastOnce)
        }
        #expect(error.code == .invalidTopic)
        let filterError = try await #require(throws: MQTTError.self) { try await client.subscribe(to: "a/#/b") }
        #expect(filterError.code == .invalidTopic)
    }

    @Test("an oversized payload fails with payloadTooLarge and a terse description")
    func oversizedPayload() async throws {
        let client = try client(configuration { $0.maximumPayloadSize = 1024 })
        let error = try await #require(throws: MQTTError.self) {
            try await client.publish(topic: "voltline/big", payload: [UInt8](repeating: 0x41, count: 1025))
        }
        #expect(error.code == .payloadTooLarge)
        #expect(!error.description.contains("AAAA"))
        #expect(error.description.count < 200)
    }

    @Test("publishing or subscribing before connect fails with notConnected")
    func notConnected() async throws {
        let client = try client(configuration())
        let publishError = try await #require(throws: MQTTError.self) {
            try await client.publish(topic: "voltline/x", payload: [1], qos: .atMostOnce)
        }
        #expect(publishError.code == .notConnected)
        #expect(publishError.isRetriable)
        let subscribeError = try await #require(throws: MQTTError.self) { try await client.subscribe(to: "voltline/x") }
        #expect(subscribeError.code == .notConnected)
        #expect(client.connectionState == .idle)
    }
}
