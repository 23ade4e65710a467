import Foundation
import Logging
import Synchronization
import VoltlineDomain
import VoltlineMQTT

/// Publishes the fleet's readings over MQTT at a target rate, as gateways do: one MQTT connection per gateway,
/// batches of readings per payload, QoS 1, a bounded window of unacknowledged publishes.
///
/// Only readings whose PUBLISH the broker acknowledged count as published, so `published` is exactly what
/// the pipeline owes to PostgreSQL. The rate can change while running (the ramp mode steps it up).
final class LoadGenerator: Sendable {
    let fleet: BenchFleet
    let batchSize: Int
    let window: Int
    private let configuration: MQTTConfiguration
    private let logger: Logger
    private let targetRate: Mutex<Double>
    private let counters = Mutex(Counters())

    struct Counters: Sendable {
        var published = 0
        var payloads = 0
        var failed = 0
    }

    init(fleet: BenchFleet, rate: Double, batchSize: Int, window: Int, mqtt: MQTTConfiguration, logger: Logger) {
        self.fleet = fleet
        self.batchSize = batchSize
        self.window = window
        self.configuration = mqtt
        self.logger = logger
        self.targetRate = Mutex(rate)
    }

    /// Readings acknowledged by the broker so far, payloads sent, and readings in payloads that failed.
    var snapshot: Counters { counters.withLock { $0 } }

    /// Changes the offered rate (readings per second over all gateways).
    func setRate(_ rate: Double) { targetRate.withLock { $0 = rate } }

    /// Publishes until the task is cancelled, then waits for outstanding acknowledgements.
    func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, devices) in fleet.gateways.enumerated() where !devices.isEmpty {
                group.addTask { try await self.runGateway(index, devices: devices) }
            }
            try await group.waitForAll()
        }
    }

    private func runGateway(_ index: Int, devices: [BenchFleet.Device]) async throws {
        var settings = configuration
        settings.clientID = "\(fleet.prefix)-gw\(index)"
        settings.maxInflightMessages = window
        let client = try MQTTClient(configuration: settings, logger: logger)
        try await client.connect()
        let topic = MQTTTopic.telemetry(gateway: "\(fleet.prefix)-gw\(index)")
        let share = 1 / Double(fleet.gateways.count)
        var lastMillis = [Int64](repeating: 0, count: devices.count)
        var sequence = [UInt64](repeating: 0, count: devices.count)
        var next = 0
        var due = 0.0
        var last = ContinuousClock.now
        await withTaskGroup(of: Void.self) { inflight in
            var outstanding = 0
            while !Task.isCancelled {
                let now = ContinuousClock.now
                due += (now - last).seconds * targetRate.withLock { $0 } * share
                last = now
                if due < Double(batchSize) {
                    try? await Task.sleep(for: .milliseconds(2))
                    continue
                }
                let wallMillis = Int64(Date().timeIntervalSince1970 * 1000)
                var batch: [Reading] = []
                batch.reserveCapacity(batchSize)
                for _ in 0..<batchSize {
                    // A device's timestamps strictly increase: (device, ts) is the readings table's key.
                    let millis = max(wallMillis, lastMillis[next] + 1)
                    lastMillis[next] = millis
                    sequence[next] += 1
                    // Smooth, deterministic wandering in [-1, 1]: cheap, and never a statistical outlier.
                    let noise = sin(Double(sequence[next]) * 0.37 + Double(next))
                    batch.append(BenchFleet.reading(of: devices[next], at: millis, sequence: sequence[next], noise: noise))
                    next = (next + 1) % devices.count
                }
                due -= Double(batchSize)
                let payload = GatewayPayloadEncoder.encodeBatch(batch)
                if outstanding >= window {
                    await inflight.next()
                    outstanding -= 1
                }
                outstanding += 1
                let count = batch.count
                inflight.addTask {
                    do {
                        try await client.publish(topic: topic, payload: payload, qos: .atLeastOnce)
                        self.counters.withLock {
                            $0.published += count
                            $0.payloads += 1
                        }
                    } catch {
                        self.counters.withLock { $0.failed += count }
                    }
                }
            }
            await inflight.waitForAll()
        }
        await client.disconnect()
    }
}
