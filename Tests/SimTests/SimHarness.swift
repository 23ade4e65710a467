import Configuration
import Foundation
import Logging
import Prometheus
import Synchronization
import VoltlineDomain
import VoltlineMQTT
import VoltlineTestSupport

@testable import Sim

/// Runs a simulator built by ``buildSim(reader:registry:logger:)`` with in-memory settings.
struct SimHarness {
    let sim: Sim
    let run: Task<Void, any Error>

    /// Builds and starts a simulator; `values` add to or override the defaults here.
    static func start(_ values: [AbsoluteConfigKey: ConfigValue]) async throws -> SimHarness {
        var all: [AbsoluteConfigKey: ConfigValue] = [
            "http.port": 0, "sim.register": false, "sim.shutdown-timeout": 3.0,
            "sim.gateway-id": .init(stringLiteral: "sim-\(UUID().uuidString.prefix(8).lowercased())"),
        ]
        all.merge(values) { $1 }
        let reader = ConfigReader(provider: InMemoryProvider(values: all))
        let sim = try await buildSim(
            reader: reader, registry: PrometheusCollectorRegistry(), logger: Logger(label: "test.sim"))
        return SimHarness(sim: sim, run: Task { try await sim.group.run() })
    }

    /// Shuts the simulator down gracefully and waits for it.
    func stop() async throws {
        await sim.group.triggerGracefulShutdown()
        try await run.value
    }
}

/// A subscriber that records every telemetry reading it receives, decoded.
final class TelemetryRecorder: Sendable {
    private struct Log {
        var readings: [Reading] = []
        var rejected = 0
        var messages = 0
    }

    /// Holds the log for the receiving task; a `Mutex` cannot be shared any other way.
    private final class Shared: Sendable {
        let log = Mutex(Log())
    }

    let client: MQTTClient
    private let shared = Shared()
    private let task: Task<Void, Never>

    /// Connects to `broker` with a persistent session and subscribes to `gatewayID`'s telemetry.
    /// - Parameter clock: the receive time payloads are judged at: the simulator's clock, since simulated
    ///   time runs ahead of the wall clock when accelerated.
    init(broker: TestBroker, gatewayID: String, clock: SimulationClock) async throws {
        var configuration = MQTTConfiguration(
            host: "127.0.0.1", port: broker.port, clientID: "recorder-\(gatewayID)", persistentSession: true)
        configuration.reconnectBackoff = .init(minimumDelay: .seconds(1), maximumDelay: .seconds(1))
        configuration.incomingBufferCapacity = 1024
        let client = try MQTTClient(configuration: configuration, logger: Logger(label: "test.recorder"))
        try await client.connect()
        try await client.subscribe(to: MQTTTopic.telemetry(gateway: gatewayID), qos: .atLeastOnce)
        self.client = client
        let shared = shared
        task = Task {
            let decoder = GatewayPayloadDecoder()
            var iterator = client.messages.makeAsyncIterator()
            while let message = try? await iterator.next() {
                let outcome = decoder.decode(message.payload, receivedAtMillis: clock.simulatedMillis())
                shared.log.withLock {
                    $0.readings.append(contentsOf: outcome.accepted)
                    $0.rejected += outcome.rejected.count
                    $0.messages += 1
                }
            }
        }
    }

    /// Every reading received so far.
    var received: [Reading] { shared.log.withLock { $0.readings } }
    /// How many readings the decoder refused.
    var rejected: Int { shared.log.withLock { $0.rejected } }
    /// How many MQTT messages arrived.
    var messages: Int { shared.log.withLock { $0.messages } }

    /// Disconnects.
    func stop() async {
        await client.disconnect()
        await task.value
    }
}
