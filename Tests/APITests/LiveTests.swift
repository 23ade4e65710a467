import Foundation
import HummingbirdTesting
import HummingbirdWSTesting
import Logging
import Testing
import VoltlineDomain
import VoltlineKafka
import VoltlineTestSupport

@Suite("API live WebSocket", .timeLimit(.minutes(2)))
struct LiveTests {
    @Test func pushesReadingsAndAlertsAndHonoursTheSubscription() async throws {
        try await withAPI(.live) { client, _, broker in
            // The follower starts at the end of each partition: wait until it has its partitions.
            try await waitUntil("the live follower has its partitions", timeout: .seconds(30)) {
                try await client.execute(uri: "/readyz", method: .get) { $0.status == .ok }
            }
            let producer = try KafkaProducer(
                configuration: KafkaProducerConfiguration(
                    client: KafkaConfiguration(bootstrapServers: [broker.bootstrapServers])),
                logger: Logger(label: "api-tests"))
            try await client.ws("/api/v1/live") { inbound, outbound, _ in
                var frames = inbound.messages(maxSize: 1 << 16).makeAsyncIterator()
                func nextFrame() async throws -> [String: Any] {
                    guard case .text(let text) = try await frames.next() else { throw LiveTestError.noFrame }
                    return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
                }
                #expect(try await nextFrame()["type"] as? String == "connected")

                try await Self.sendReading(producer, device: "press-01", power: 42)
                try await Self.sendAlert(producer, device: "press-01", id: 7)
                var received = [try await nextFrame(), try await nextFrame()]
                received.sort { ($0["type"] as? String ?? "") > ($1["type"] as? String ?? "") }
                #expect(received[0]["type"] as? String == "reading")
                #expect(received[0]["device"] as? String == "press-01")
                #expect((received[0]["metrics"] as? [String: Any])?["active_power"] as? Double == 42)
                #expect(received[1]["type"] as? String == "alert")
                #expect(received[1]["alert_id"] as? Int == 7)

                try await outbound.write(.text(#"{"subscribe": {"devices": ["press-02"], "types": ["alert"]}}"#))
                #expect(try await nextFrame()["type"] as? String == "subscribed")
                try await Self.sendReading(producer, device: "press-02", power: 1)
                try await Self.sendAlert(producer, device: "press-01", id: 8)
                try await Self.sendAlert(producer, device: "press-02", id: 9)
                let filtered = try await nextFrame()
                #expect(filtered["type"] as? String == "alert")
                #expect(filtered["alert_id"] as? Int == 9)

                try await outbound.write(.text(#"{"subscribe": {"types": ["noise"]}}"#))
                #expect(try await nextFrame()["type"] as? String == "error")
                try await outbound.close(.normalClosure, reason: nil)
            }
            try await producer.shutdown()
        }
    }

    private static func sendReading(_ producer: KafkaProducer, device: String, power: Double) async throws {
        let reading = Reading(
            deviceID: device, timeMillis: Int64(Date().timeIntervalSince1970 * 1000),
            metrics: .machine(MachineMetrics(activePowerKW: power)))
        _ = try await producer.send(
            topic: KafkaTopic.readings, key: Array(device.utf8), value: ReadingCodec.encode(reading))
    }

    private static func sendAlert(_ producer: KafkaProducer, device: String, id: Int) async throws {
        let event = #"{"v":1,"alert_id":\#(id),"event":"raised","device":"\#(device)","rule":"r","level":"danger","#
            + #""state":"active","at":1,"message":"m","actor":"system"}"#
        _ = try await producer.send(topic: KafkaTopic.alerts, key: Array(device.utf8), value: Array(event.utf8))
    }
}

/// The WebSocket ended before the expected frame.
enum LiveTestError: Error {
    case noFrame
}
