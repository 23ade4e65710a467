import Foundation
import Logging
import VoltlineMQTT

/// MQTT publish→receive at QoS 1: one ``MQTTClient`` publisher and one subscriber, against `mosquitto_pub -l`
/// feeding `mosquitto_sub -C N`. Both sides use MQTT 5, QoS 1 and at most 20 messages in flight.
///
/// A run sends at most ``backlogLimit`` messages: mosquitto 2.0.11 stops delivering to a subscriber whose
/// backlog of QoS 1 messages exceeds the 16-bit packet-id space (measured: `mosquitto_sub -C 70000` stalls
/// after about 4,500 messages once `mosquitto_pub` has queued them all; 65,000 always arrive). `mosquitto_pub`
/// outruns `mosquitto_sub`, so larger runs would measure that stall, not the clients.
struct MQTTBenchmark {
    /// The most messages per run; see the type's documentation.
    static let backlogLimit = 60_000

    let host: String
    let port: Int
    let requestedMessages: Int
    let payloadBytes: Int
    let runID: String
    let directory: URL
    let logger: Logger

    /// The most unacknowledged QoS 1 messages per publisher, the same for ours and `mosquitto_pub -M`.
    private let inflight = 20
    /// A receiver that got nothing new for this long has lost messages.
    private let stallLimit = Duration.seconds(5)

    /// The messages per run: the requested number, capped at ``backlogLimit``.
    private var messages: Int { min(requestedMessages, Self.backlogLimit) }

    func run() async throws -> [BenchRow] {
        if requestedMessages > messages {
            let reason = "mosquitto stalls a subscriber with a larger QoS 1 backlog"
            logger.warning("MQTT runs send \(messages) messages, not \(requestedMessages): \(reason)")
        }
        PeakMemory.reset()
        let ours = try await runOurs()
        let peak = PeakMemory.peakBytes()
        let tool = try await runTool()
        return [
            BenchRow(
                scenario: "mqtt publish→receive QoS 1", unit: "msg", ours: ours, tool: tool, peakRSSBytes: peak)
        ]
    }

    /// Publishes with `awaitAcknowledgement: false` (libmosquitto queues, sends with the in-flight window and
    /// handles the PUBACKs) and times from the first publish to the last message received.
    private func runOurs() async throws -> Measurement {
        let topic = "voltline/bench/\(runID)/ours"
        let subscriber = try MQTTClient(
            configuration: configuration(clientID: "voltline-bench-sub-\(runID)"), logger: logger)
        let publisher = try MQTTClient(
            configuration: configuration(clientID: "voltline-bench-pub-\(runID)"), logger: logger)
        try await subscriber.connect()
        try await publisher.connect()
        try await subscriber.subscribe(to: topic, qos: .atLeastOnce)
        let payload = BenchData.payload(size: payloadBytes)
        let watchdog = ProgressWatchdog()
        let expected = messages

        let start = ContinuousClock.now
        let (received, end) = try await withThrowingTaskGroup(of: (Int, ContinuousClock.Instant)?.self) { group in
            group.addTask {
                var iterator = subscriber.messages.makeAsyncIterator()
                return try await watchdog.count(upTo: expected) { try await iterator.nextBatch(limit: 512)?.count }
            }
            group.addTask {
                await watchdog.watch(stallLimit: stallLimit) { await subscriber.disconnect() }
                return nil
            }
            for _ in 0..<expected {
                try await publisher.publish(
                    topic: topic, payload: payload, qos: .atLeastOnce, awaitAcknowledgement: false)
            }
            let result = try await group.next()!!
            group.cancelAll()
            return result
        }
        await publisher.disconnect()
        await subscriber.disconnect()
        return Measurement(
            name: "MQTTClient", expected: expected, delivered: received, bytes: received * payloadBytes,
            elapsed: end - start)
    }

    /// `mosquitto_sub -C N` is started first; `mosquitto_pub -l` then sends one message per line of a file
    /// (written beforehand, untimed). Timed from starting `mosquitto_pub` until `mosquitto_sub` exits.
    private func runTool() async throws -> Measurement {
        let topic = "voltline/bench/\(runID)/tool"
        let input = directory.appendingPathComponent("mqtt-payloads.txt")
        let output = directory.appendingPathComponent("mqtt-received.txt")
        let payload = BenchData.payload(size: payloadBytes)
        try BenchData.writeLines(count: messages, to: input) { _, buffer in buffer.append(contentsOf: payload) }
        let common = ["-h", host, "-p", String(port), "-t", topic, "-q", "1", "-V", "mqttv5"]
        let subscriber = try ToolProcess(
            "mosquitto_sub", common + ["-C", String(messages), "-i", "voltline-bench-tsub-\(runID)"],
            standardOutput: output)
        let publisher = try ToolProcess(
            "mosquitto_pub", common + ["-l", "-M", String(inflight), "-i", "voltline-bench-tpub-\(runID)"],
            standardInput: input)
        try subscriber.start()
        // mosquitto_sub cannot say when its SUBACK arrived; on loopback it takes milliseconds. A late
        // subscription would show as lost messages below, not as a wrong rate.
        try await Task.sleep(for: .milliseconds(500))
        let start = ContinuousClock.now
        try publisher.start()
        let published = await publisher.waitForExit(limit: .seconds(600))
        guard published.status == 0 else { throw ToolFailure(tool: publisher.name, status: published.status) }
        // mosquitto_pub exits once the broker acknowledged everything, but mosquitto_sub may lag far behind
        // (the broker queues for it): wait as long as its output keeps growing.
        let received = await subscriber.waitForExit(limit: stallLimit) { ToolProcess.fileSize(output) }
        guard received.timedOut || received.status == 0 else {
            throw ToolFailure(tool: subscriber.name, status: received.status)
        }
        let count = received.timedOut ? BenchData.countLines(in: output) : messages
        return Measurement(
            name: "mosquitto_pub → mosquitto_sub", expected: messages, delivered: count, bytes: count * payloadBytes,
            elapsed: received.instant - start)
    }

    private func configuration(clientID: String) -> MQTTConfiguration {
        MQTTConfiguration(host: host, port: port, clientID: clientID, maxInflightMessages: inflight)
    }
}
