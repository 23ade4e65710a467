import Foundation
import HummingbirdWSClient
import Logging
import VoltlineDomain
import VoltlineMQTT

/// Times an injected fault → the alert event on the API's WebSocket, the way an operator's dashboard sees it.
///
/// Each fault probe is a pack that reported normally during warm-up; every ``interval`` the next one publishes
/// one reading at 80 °C (over the danger threshold) and the probe waits for the `alert` frame naming that pack.
/// Each pack is faulted once, so no alert is deduplicated into an earlier one.
struct AlertProbe: Sendable {
    let packs: [String]
    let mqtt: MQTTConfiguration
    let liveURL: String
    let logger: Logger
    let samples = LatencySamples()
    var interval = Duration.milliseconds(500)

    /// Sends one normal reading per pack, so every service knows the packs before they are timed.
    func introduce() async throws {
        try await withClient(suffix: "intro") { client in
            let millis = Int64(Date().timeIntervalSince1970 * 1000)
            for pack in packs {
                let reading = BenchFleet.packReading(id: pack, at: millis, sequence: 1, noise: 0, temperatureC: 28)
                try await client.publish(
                    topic: MQTTTopic.telemetry(gateway: pack), payload: GatewayPayloadEncoder.encode(reading))
            }
        }
    }

    /// Injects one fault per pack, `interval` apart, and times each alert; returns after the last alert or
    /// `timeout` after the last injection.
    func run(timeout: Duration = .seconds(10)) async throws {
        let injected = SharedState<[String: Date]>([:])
        let subscribed = SharedState(false)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await WebSocketClient.connect(url: liveURL, logger: logger) { inbound, outbound, _ in
                    try await outbound.write(.text(#"{"subscribe": {"types": ["alert"]}}"#))
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        let received = Date()
                        guard case .text(let text) = message,
                            let frame = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
                        else { continue }
                        if frame["type"] as? String == "subscribed" { subscribed.withLock { $0 = true } }
                        guard frame["type"] as? String == "alert", let device = frame["device"] as? String,
                            let sent = injected.withLock({ $0.removeValue(forKey: device) })
                        else { continue }
                        samples.record(received.timeIntervalSince(sent) * 1000, at: received)
                    }
                }
            }
            group.addTask {
                let deadline = ContinuousClock.now + .seconds(10)
                while !subscribed.withLock({ $0 }) {
                    guard ContinuousClock.now < deadline else { throw BenchFailure("no WebSocket subscription at \(liveURL)") }
                    try await Task.sleep(for: .milliseconds(50))
                }
                try await withClient(suffix: "fault") { client in
                    for pack in packs {
                        let now = Date()
                        let reading = BenchFleet.packReading(
                            id: pack, at: Int64(now.timeIntervalSince1970 * 1000), sequence: 2, noise: 0,
                            temperatureC: 80)
                        injected.withLock { $0[pack] = now }
                        try await client.publish(
                            topic: MQTTTopic.telemetry(gateway: pack), payload: GatewayPayloadEncoder.encode(reading))
                        try await Task.sleep(for: interval)
                    }
                }
                let alertsDeadline = ContinuousClock.now + timeout
                while ContinuousClock.now < alertsDeadline, !injected.withLock({ $0.isEmpty }) {
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    private func withClient(suffix: String, _ body: (MQTTClient) async throws -> Void) async throws {
        var settings = mqtt
        settings.clientID = "\(packs.first ?? "bench")-\(suffix)"
        let client = try MQTTClient(configuration: settings, logger: logger)
        try await client.connect()
        do {
            try await body(client)
        } catch {
            await client.disconnect()
            throw error
        }
        await client.disconnect()
    }
}
