import Foundation
import HummingbirdWSClient
import Logging
import Synchronization
import Testing
import VoltlineTestSupport

@Suite("End to end: sim → ingest → features → anomaly → alerts, with scheduler and api", .serialized)
struct PipelineTests {
    /// Ten simulated hours replayed at 60× (longer than the test runs): the test sees 15-minute windows close within seconds, and
    /// every event time stays behind the wall clock, as ingest requires.
    static let settings = [
        "VOLTLINE_SIM_ACCELERATION": "60", "VOLTLINE_SIM_BACKFILL_MINUTES": "600", "VOLTLINE_SIM_SEED": "7",
        "VOLTLINE_SIM_RATE": "0.2", "VOLTLINE_SCHEDULER_PRICING_INTERVAL_MS": "1000",
        "VOLTLINE_ALERTS_PUBLISH_INTERVAL_MS": "200", "VOLTLINE_LOG_LEVEL": "info",
    ]
    static let pack = "pack-byd-blade-01"

    @Test(
        "normal operation fills readings, features and costs without alerts; an overheating pack raises an alert that reaches PostgreSQL and a WebSocket client, is acknowledged through the API, and resolves when the fault stops",
        .timeLimit(.minutes(6)))
    func overheatAlertLifecycle() async throws {
        try await SystemUnderTest.with(settings: Self.settings) { system in
            try await waitUntil("readings, features, energy and costs", timeout: .seconds(150)) {
                try await system.count("SELECT count(*) FROM energy_costs") > 0
            }
            #expect(try await system.count("SELECT count(*) FROM readings") > 1_000)
            #expect(try await system.count("SELECT count(*) FROM features_1m") > 10)
            #expect(try await system.count("SELECT count(DISTINCT device_id) FROM energy_15m") == 6)
            #expect(try await system.count("SELECT count(*) FROM battery_segments") >= 0)
            let normalAlerts = try await system.texts(
                "SELECT device_id || ' ' || rule || ' ' || level || ' ' || message FROM alerts ORDER BY id")
            #expect(normalAlerts.isEmpty, "normal operation raises no alert: \(normalAlerts)")

            let frames = AlertFrames()
            let live = Task {
                try await WebSocketClient.connect(
                    url: "ws://127.0.0.1:\(system.ports["api"]!)/api/v1/live", logger: Logger(label: "e2e-ws")
                ) { inbound, outbound, _ in
                    try await outbound.write(.text(#"{"subscribe": {"types": ["alert"]}}"#))
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        guard case .text(let text) = message,
                            let frame = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
                        else { continue }
                        frames.append(frame)
                    }
                }
            }
            defer { live.cancel() }
            try await waitUntil("the WebSocket subscription", timeout: .seconds(20)) { frames.contains(type: "subscribed") }

            let fault = { (action: String) in
                #"{"type":"fault","device":"\#(Self.pack)","fault":"overheat","action":"\#(action)"}"#
            }
            let injected = ContinuousClock.now
            let (started, _) = try await system.send("POST", "sim", "/sim/faults", json: fault("start"))
            #expect(started == 204)
            let alertSQL = "SELECT count(*) FROM alerts WHERE device_id = '\(Self.pack)' AND rule = 'pack.over_temperature'"
            try await waitUntil("an over-temperature alert in PostgreSQL", timeout: .seconds(60)) {
                try await system.count(alertSQL + " AND state = 'active'") == 1
            }
            try await waitUntil("the alert on the WebSocket", timeout: .seconds(20)) {
                frames.contains(type: "alert", device: Self.pack)
            }
            let faultToAlert = ContinuousClock.now - injected
            // The figure quoted in notes: simulated heating time at 60× included, so an upper bound on latency.
            print("end-to-end: fault injected → alert on the WebSocket in \(faultToAlert)")
            #expect(faultToAlert < .seconds(60), "fault to alert on the WebSocket took \(faultToAlert)")

            // Acknowledge once it is at its worst, so a later escalation does not re-open it.
            try await waitUntil("the alert escalated to danger", timeout: .seconds(60)) {
                try await system.count(alertSQL + " AND level = 'danger'") == 1
            }
            let id = try await system.count(alertSQL.replacingOccurrences(of: "count(*)", with: "id"))
            let (acknowledged, _) = try await system.send(
                "POST", "api", "/api/v1/alerts/\(id)/acknowledge", json: #"{"actor":"e2e-operator","note":"on it"}"#)
            #expect(acknowledged == 200)
            #expect(try await system.count(alertSQL + " AND state = 'acknowledged'") == 1)
            let (again, _) = try await system.send(
                "POST", "api", "/api/v1/alerts/\(id)/acknowledge", json: #"{"actor":"e2e-operator","note":"twice"}"#)
            #expect(again == 409)

            let (stopped, _) = try await system.send("POST", "sim", "/sim/faults", json: fault("stop"))
            #expect(stopped == 204)
            do {
                try await waitUntil("the alert auto-resolved once the pack cooled", timeout: .seconds(150)) {
                    try await system.count(alertSQL + " AND state = 'resolved'") == 1
                }
            } catch {
                let temperatures = try await system.texts(
                    "SELECT ts::text || ' ' || temperature_c::text || ' ' || coalesce(cell_temp_max_c::text, '-') FROM readings WHERE device_id = '\(Self.pack)' ORDER BY ts DESC LIMIT 5")
                let anomalies = try await system.texts(
                    "SELECT ts::text || ' ' || rule || ' ' || level FROM anomalies WHERE device_id = '\(Self.pack)' ORDER BY id DESC LIMIT 8")
                let alerts = try await system.texts("SELECT id || ' ' || rule || ' ' || level || ' ' || state FROM alerts")
                Issue.record("not resolved; latest temperatures \(temperatures); anomalies \(anomalies); alerts \(alerts)")
                throw error
            }
            let events = try await system.count(
                "SELECT count(*) FROM alert_events WHERE alert_id = \(id) AND event IN ('raised', 'acknowledged', 'auto_resolved')")
            #expect(events == 3)
            try await waitUntil("the resolution on the WebSocket", timeout: .seconds(20)) {
                frames.contains(type: "alert", device: Self.pack, state: "resolved")
            }
            // The overheating pack may also raise its statistical temperature alert; no other device alerts.
            let otherAlerts = try await system.texts(
                "SELECT device_id || ' ' || rule || ' ' || level FROM alerts WHERE device_id <> '\(Self.pack)' ORDER BY id")
            #expect(otherAlerts.isEmpty, "only the overheating pack alerts: \(otherAlerts)")
        }
    }
}

/// Frames received by the WebSocket client, shared with the test's polling.
final class AlertFrames: Sendable {
    private let frames = Mutex<[[String: any Sendable]]>([])

    func append(_ frame: [String: Any]) {
        let sendable = frame.compactMapValues { $0 as? String ?? ($0 as? Int).map { "\($0)" } }
        frames.withLock { $0.append(sendable) }
    }

    func contains(type: String, device: String? = nil, state: String? = nil) -> Bool {
        frames.withLock { frames in
            frames.contains { frame in
                frame["type"] as? String == type && (device == nil || frame["device"] as? String == device)
                    && (state == nil || frame["state"] as? String == state)
            }
        }
    }
}
