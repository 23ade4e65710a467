import Foundation
import Testing
import VoltlineDomain
import VoltlineMQTT
import VoltlineSimulation
import VoltlineTestSupport

@testable import Sim

@Suite("Sim telemetry", .timeLimit(.minutes(2)))
struct SimTelemetryTests {
    static let standardDevices = Set(
        VirtualGateway.standard(seed: 1, startMillis: 0).profiles.map(\.id))

    @Test("at 60x, every standard device's readings arrive in batches that decode without rejection")
    func publishesAcceleratedBatches() async throws {
        try await TestBroker.with { broker in
            let harness = try await SimHarness.start([
                "mqtt.port": .init(integerLiteral: broker.port), "sim.acceleration": 60.0, "sim.rate": 0.2,
                "sim.shutdown-timeout": 60.0,
            ])
            let recorder = try await TelemetryRecorder(
                broker: broker, gatewayID: harness.sim.settings.gatewayID, clock: harness.sim.controller.clock)
            let wallStart = ContinuousClock.now
            try await waitUntil("readings for 3 wall seconds") { ContinuousClock.now - wallStart > .seconds(3) }
            let simulatedAtStop = harness.sim.controller.clock.simulatedMillis()
            try await harness.stop()
            // Shutdown published everything produced up to it.
            #expect(harness.sim.queue.count == 0)
            let wallSeconds = Double((ContinuousClock.now - wallStart).components.seconds)
            await recorder.stop()

            let readings = recorder.received
            #expect(recorder.rejected == 0)
            #expect(Set(readings.map(\.deviceID)) == Self.standardDevices)
            // Batches: many readings per message.
            #expect(recorder.messages > 0 && readings.count >= recorder.messages * 5)
            let times = readings.map(\.timeMillis)
            let simulatedSeconds = Double(try #require(times.max()) - (try #require(times.min()))) / 1000
            // Judged on the simulator's own clock, not on wall time (a loaded machine ticks late): the newest
            // reading is the one of the last tick before the stop. The clock's rate has its own unit tests.
            #expect(try #require(times.max()) >= simulatedAtStop - 15_000)
            #expect(simulatedSeconds > 60, "\(simulatedSeconds) simulated s in \(wallSeconds) s")
            #expect(simulatedSeconds < 60 * (wallSeconds + 1.5), "\(simulatedSeconds) simulated s in \(wallSeconds) s")
        }
    }

    @Test("the same seed gives the same payloads for the same simulated span; another seed does not")
    func deterministicPayloads() {
        func payloads(seed: UInt64) -> [[UInt8]] {
            var gateway = SimFleet.gateway(
                seed: seed, startMillis: 1_764_082_800_000, sampleIntervalMillis: 1000, extraMachines: 2)
            // Uneven steps, as real ticks would be.
            let readings = [7_300, 31_000, 95_500, 120_000].flatMap { gateway.step(to: 1_764_082_800_000 + $0) }
            return TelemetryPayloads.payloads(for: readings, batchSize: 50)
        }
        let first = payloads(seed: 42)
        #expect(first.count == 120 * 13 / 50 + 1)
        #expect(first == payloads(seed: 42))
        #expect(first != payloads(seed: 43))
        let decoded = first.flatMap {
            GatewayPayloadDecoder().decode($0, receivedAtMillis: 1_764_082_920_000).accepted
        }
        #expect(decoded.count == 120 * 13)
    }

    @Test("a single-reading payload when the batch size is 1")
    func singleReadingPayloads() throws {
        var gateway = SimFleet.gateway(seed: 42, startMillis: 0, sampleIntervalMillis: 1000, extraMachines: 0)
        let readings = gateway.step(to: 2000)
        let payloads = TelemetryPayloads.payloads(for: readings, batchSize: 1)
        #expect(payloads.count == readings.count)
        #expect(try #require(payloads.first).starts(with: Array(#"{"device":"#.utf8)))
    }

    @Test("an overheat command over MQTT drives that pack's published temperature above 60 °C")
    func overheatCommandOverMQTT() async throws {
        try await TestBroker.with { broker in
            let harness = try await SimHarness.start([
                "mqtt.port": .init(integerLiteral: broker.port), "sim.acceleration": 300.0, "sim.rate": 0.1,
            ])
            let gatewayID = harness.sim.settings.gatewayID
            let clock = harness.sim.controller.clock
            let recorder = try await TelemetryRecorder(broker: broker, gatewayID: gatewayID, clock: clock)
            try await waitUntil("the simulator connected") { harness.sim.client.isConnected }

            let commander = try MQTTClient(
                configuration: .init(port: broker.port, clientID: "commander-\(gatewayID)"), logger: .init(label: "t"))
            try await commander.connect()
            // One malformed command first: it is refused and the simulator carries on.
            try await commander.publish(topic: MQTTTopic.commands(gateway: gatewayID), payload: Array("{oops".utf8))
            let sentAt = clock.simulatedMillis()
            let command = #"{"type":"fault","device":"pack-byd-blade-01","fault":"overheat","action":"start"}"#
            try await commander.publish(topic: MQTTTopic.commands(gateway: gatewayID), payload: Array(command.utf8))
            await commander.disconnect()

            func hot() -> Reading? {
                recorder.received.first {
                    guard $0.deviceID == "pack-byd-blade-01", case .batteryPack(let pack) = $0.metrics else { return false }
                    return pack.temperatureC > 60
                }
            }
            try await waitUntil("a published temperature above 60 °C", timeout: .seconds(60)) { hot() != nil }
            let hotReading = try #require(hot())
            // Within half an hour of simulated time from the command.
            #expect(hotReading.timeMillis - sentAt < 30 * 60_000)
            let faults = harness.sim.controller.statuses().first { $0.profile.id == "pack-byd-blade-01" }?.activeFaults
            #expect(faults == [.overheat])
            try await harness.stop()
            await recorder.stop()
            #expect(recorder.rejected == 0)
        }
    }

    @Test("after a broker restart the simulator delivers the readings of the outage: no sequence gaps")
    func brokerRestart() async throws {
        let broker = try TestBroker()
        try await broker.start()
        let harness = try await SimHarness.start([
            "mqtt.port": .init(integerLiteral: broker.port), "sim.acceleration": 10.0, "sim.rate": 0.1,
        ])
        let gatewayID = harness.sim.settings.gatewayID
        let recorder = try await TelemetryRecorder(
            broker: broker, gatewayID: gatewayID, clock: harness.sim.controller.clock)
        try await waitUntil("first readings") { recorder.received.count > 50 }

        await broker.stop()
        let outageStart = harness.sim.controller.clock.simulatedMillis()
        try await Task.sleep(for: .seconds(2))
        try await waitUntil("readings queued during the outage") { harness.sim.queue.count > 50 }
        let outageEnd = harness.sim.controller.clock.simulatedMillis()
        try await broker.start()

        try await waitUntil("readings from after the outage", timeout: .seconds(30)) {
            recorder.received.contains { $0.timeMillis > outageEnd + 2000 }
        }
        try await harness.stop()
        await recorder.stop()
        await broker.stop()

        #expect(recorder.rejected == 0)
        let byDevice = Dictionary(grouping: recorder.received, by: \.deviceID)
        #expect(Set(byDevice.keys) == Self.standardDevices)
        for (device, readings) in byDevice {
            let sequences = Set(readings.compactMap(\.sequence))
            let low = try #require(sequences.min())
            let high = try #require(sequences.max())
            #expect(sequences.count == Int(high - low) + 1, "gap in \(device)'s sequence numbers")
        }
        #expect(recorder.received.contains { $0.timeMillis > outageStart && $0.timeMillis < outageEnd })
    }
}
