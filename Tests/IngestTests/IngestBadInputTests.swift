import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Testing
import VoltlineDomain
import VoltlineKafka
import VoltlineTestSupport

@testable import Ingest

@Suite("Ingest: bad input is dead-lettered with a reason, good input around it is stored", .timeLimit(.minutes(2)))
struct IngestBadInputTests {
    @Test("every kind of bad input over MQTT and HTTP lands in the dead-letter topic; every good reading is stored")
    func badInputAroundGoodInput() async throws {
        try await IngestHarness.with { harness in
            try await harness.runIngest(["ingest.max-payload-bytes": 4096]) { service in
                let now = Int64(Date().timeIntervalSince1970 * 1000)
                func machine(_ device: String, _ ts: Int64, _ power: String = "10") -> String {
                    #"{"device":"\#(device)","kind":"machine","ts":\#(ts),"metrics":{"active_power":\#(power)}}"#
                }
                // Good readings, interleaved with bad ones.
                let good = (0..<40).map { machine("press-\($0 % 4)", now - Int64($0) * 1000) }
                let bad: [(payload: String, reason: String)] = [
                    ("{not json", "malformed_json"),
                    (#"{"device":"m1","kind":"machine","metrics":{"active_power":1}}"#, "missing_field"),
                    (machine("m1", now, "NaN"), "malformed_json"),
                    (machine("m1", now, #""12""#), "wrong_type"),
                    (machine("m1", now + 3_600_000), "timestamp_in_future"),
                    (machine("m1", now - 30 * 86_400_000), "timestamp_too_old"),
                    (#"{"device":"m1","kind":"machine","ts":\#(now),"metrics":{"active_power":5},"units":{"active_power":"hp"}}"#, "wrong_unit"),
                    (good[0], "duplicate"),
                    (machine("m1", now) + String(repeating: " ", count: 5000), "oversized"),
                ]
                let gateway = try await harness.gateway()
                for (index, payload) in good.enumerated() {
                    try await gateway.publish(topic: MQTTTopic.telemetry(gateway: "gw-1"), payload: Array(payload.utf8))
                    if index < bad.count {
                        try await gateway.publish(
                            topic: MQTTTopic.telemetry(gateway: "gw-1"), payload: Array(bad[index].payload.utf8))
                    }
                }
                // The same bad payloads over HTTP, and one more good reading.
                var httpReasons: [String] = []
                for (payload, _) in bad.dropLast(2) {
                    let (status, body) = try await post(payload, port: harness.httpPort)
                    #expect(status == 400)
                    httpReasons.append(contentsOf: (body["rejected"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String })
                }
                let (okStatus, okBody) = try await post(machine("press-http", now), port: harness.httpPort)
                #expect(okStatus == 202)
                #expect(okBody["accepted"] as? Int == 1)
                let (bigStatus, _) = try await post(String(repeating: "x", count: 5000), port: harness.httpPort)
                #expect(bigStatus == 413)
                #expect(httpReasons == bad.dropLast(2).map(\.reason))

                let reader = try KafkaTopicReader(bootstrapServers: harness.kafka.bootstrapServers, topic: KafkaTopic.deadLetter)
                let letters = try await reader.values(count: bad.count + bad.count - 2 + 1).map {
                    try JSONDecoder().decode(DeadLetter.self, from: Data($0))
                }
                await reader.close()
                #expect(letters.filter { $0.source == "mqtt" }.map(\.reason).sorted() == bad.map(\.reason).sorted())
                #expect(letters.filter { $0.source == "http" }.map(\.reason).sorted()
                            == (bad.dropLast(2).map(\.reason) + ["oversized"]).sorted())
                #expect(letters.allSatisfy { !$0.detail.isEmpty })

                try await waitUntil("good readings stored") { try await harness.storedCounts().rows == good.count + 1 }
                let counts = try await harness.storedCounts()
                #expect(counts.rows == good.count + 1)
                #expect(counts.distinct == counts.rows)
                await gateway.disconnect()
            }
        }
    }

    @Test("with the reject policy an unknown device is refused; a kind mismatch is refused")
    func devicePolicy() async throws {
        try await IngestHarness.with { harness in
            try await harness.runIngest(["ingest.device-policy": "reject"]) { service in
                let now = Int64(Date().timeIntervalSince1970 * 1000)
                try await service.intake.devices.register(DeviceRecord(id: "known-1", kind: .machine))
                let known = try await service.intake.process(
                    Array(#"{"device":"known-1","kind":"machine","ts":\#(now),"metrics":{"active_power":3}}"#.utf8),
                    source: "test", topic: "t")
                #expect(known.accepted == 1)
                let unknown = try await service.intake.process(
                    Array(#"{"device":"stranger","kind":"machine","ts":\#(now),"metrics":{"active_power":3}}"#.utf8),
                    source: "test", topic: "t")
                #expect(unknown.rejected.map(\.reason) == [.unknownDevice])
                let mismatch = try await service.intake.process(
                    Array(#"{"device":"known-1","kind":"battery_pack","ts":\#(now + 1),"metrics":{"voltage":3,"current":1,"temperature":20}}"#.utf8),
                    source: "test", topic: "t")
                #expect(mismatch.rejected.map(\.reason) == [.kindMismatch])
            }
        }
    }

    private func post(_ body: String, port: Int) async throws -> (Int, [String: Any]) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/api/v1/telemetry?gateway=gw-http")!)
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, json)
    }
}
