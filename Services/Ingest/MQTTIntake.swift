import Logging
import ServiceLifecycle
import VoltlineDomain
import VoltlineMQTT
import VoltlineService

/// Reads gateway payloads from the shared MQTT subscription and passes them through ``ReadingIntake``.
///
/// The session is persistent (fixed client id, long expiry), so while ingest is stopped, paused by the
/// ``FlowGate`` or restarting, mosquitto queues the telemetry for it.
struct MQTTIntake: Service, CustomStringConvertible {
    let client: MQTTClient
    let intake: ReadingIntake
    let gate: FlowGate
    let readiness: ReadinessProbe
    let logger: Logger

    var description: String { "MQTTIntake" }

    func run() async throws {
        try await withGracefulShutdownHandler {
            try await connectWithRetry()
            try await client.subscribe(to: MQTTTopic.telemetrySharedFilter, qos: .atLeastOnce)
            readiness.set("mqtt", true)
            logger.info("subscribed", metadata: ["mqtt.filter": "\(MQTTTopic.telemetrySharedFilter)"])
            var messages = client.messages.makeAsyncIterator()
            while let batch = try await messages.nextBatch(limit: 256) {
                for message in batch {
                    _ = try await intake.process(message.payload, source: "mqtt", topic: message.topic)
                }
                await gate.waitWhilePaused()
            }
        } onGracefulShutdown: {
            readiness.set("mqtt", false)
            Task { await client.disconnect() }
        }
    }

    /// Connects, retrying with backoff while the broker is unreachable (it may start after us).
    private func connectWithRetry() async throws {
        var delay = Duration.milliseconds(200)
        while true {
            do {
                try await client.connect()
                return
            } catch let error as MQTTError where error.isRetriable {
                logger.warning("MQTT broker unreachable, retrying", metadata: ["error": "\(error)"])
                try await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(5))
            }
        }
    }
}
