import Logging
import ServiceLifecycle
import VoltlineDomain
import VoltlineMQTT
import VoltlineService

/// The virtual gateway's life: it steps the simulation every tick, queues the readings, publishes them
/// QoS 1 on its telemetry topic, takes fault commands from its command topic, and on shutdown publishes
/// what is queued (for at most the shutdown timeout) before disconnecting cleanly.
///
/// The MQTT client keeps a persistent session under the gateway id and reconnects by itself; readings are
/// taken from the queue only while it is connected, so an outage fills the queue rather than libmosquitto.
struct VirtualGatewayService: Service, CustomStringConvertible {
    let settings: SimSettings
    let controller: GatewayController
    let queue: ReadingQueue
    let client: MQTTClient
    let commands: FaultCommandHandler
    let registration: DeviceRegistration?
    let readiness: ReadinessProbe
    let metrics: SimMetrics
    let logger: Logger

    /// The readiness condition this service sets: connected to the broker.
    static let readinessCondition = "mqtt"
    /// How long a waiting loop sleeps before looking again.
    private static let pollInterval = Duration.milliseconds(50)
    private static let retryInterval = Duration.seconds(1)

    var description: String { "virtual-gateway" }

    func run() async {
        logger.info(
            "virtual gateway starting",
            metadata: [LogKey.gatewayID: "\(settings.gatewayID)", LogKey.deviceCount: "\(controller.profiles.count)"])
        await withDiscardingTaskGroup { group in
            if let registration {
                group.addTask { await registration.register(controller.profiles) }
            }
            group.addTask { await listenForCommands() }
            group.addTask { await produceAndPublishThenDisconnect() }
        }
        logger.info("virtual gateway stopped", metadata: [LogKey.queued: "\(queue.count)"])
    }

    // MARK: Producing

    /// Steps the simulation every tick until shutdown, then once more to queue everything up to that moment.
    private func produceReadings() async {
        while !Task.isShuttingDownGracefully {
            enqueue(controller.advance())
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: settings.tickInterval) }
        }
        enqueue(controller.advance())
    }

    private func enqueue(_ readings: [Reading]) {
        let dropped = queue.append(readings)
        if dropped > 0 {
            metrics.readingsDropped.increment(by: dropped)
            logger.warning("reading queue full; dropped the oldest", metadata: [LogKey.dropped: "\(dropped)"])
        }
        metrics.queuedReadings.record(queue.count)
        metrics.activeFaults.record(controller.activeFaultCount)
    }

    // MARK: Publishing

    /// Produces and publishes until shutdown, then publishes what is left in the queue, racing that drain
    /// against the shutdown timeout; then disconnects.
    private func produceAndPublishThenDisconnect() async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await withDiscardingTaskGroup { running in
                    running.addTask { await produceReadings() }
                    running.addTask { await publishReadings(draining: false) }
                }
                // The producer has queued its last readings: now empty the queue.
                await publishReadings(draining: true)
            }
            group.addTask {
                // Disconnecting also fails a publish stuck waiting for an absent broker, which ends the drain.
                guard (try? await gracefulShutdown()) != nil,
                    (try? await Task.sleep(for: settings.shutdownTimeout)) != nil
                else { return }
                logger.warning("shutdown timeout reached; unpublished readings are lost",
                    metadata: [LogKey.queued: "\(queue.count)"])
                await client.disconnect()
            }
            await group.next()
            group.cancelAll()
        }
        if client.connectionState != .closed {
            await client.disconnect()
        }
        readiness.set(Self.readinessCondition, false)
    }

    /// Takes batches from the queue and publishes them while connected. Returns when the client is closed,
    /// and otherwise when shutdown is asked or, when `draining`, once the queue is empty.
    private func publishReadings(draining: Bool) async {
        let topic = MQTTTopic.telemetry(gateway: settings.gatewayID)
        while client.connectionState != .closed {
            readiness.set(Self.readinessCondition, client.isConnected)
            if draining ? queue.count == 0 : Task.isShuttingDownGracefully { return }
            let batch = client.isConnected ? queue.take(upTo: settings.batchSize) : []
            guard !batch.isEmpty else {
                try? await Task.sleep(for: Self.pollInterval)
                continue
            }
            do {
                try await client.publish(
                    topic: topic, payload: TelemetryPayloads.payload(for: batch, batchSize: settings.batchSize),
                    qos: .atLeastOnce)
                metrics.readingsPublished.increment(by: batch.count)
                metrics.messagesPublished.increment()
            } catch {
                metrics.publishFailures.increment()
                metrics.readingsDropped.increment(by: queue.putBack(batch))
                logger.warning("publish failed; readings kept in the queue", metadata: [LogKey.error: "\(error)"])
                try? await Task.sleep(for: Self.pollInterval)
            }
            metrics.queuedReadings.record(queue.count)
        }
    }

    // MARK: Commands

    /// Connects, subscribes to the command topic and applies every command until the client disconnects.
    private func listenForCommands() async {
        let topic = MQTTTopic.commands(gateway: settings.gatewayID)
        guard await retryUntilDone("connect to the broker", { try await client.connect() }),
            await retryUntilDone("subscribe to \(topic)", { try await client.subscribe(to: topic, qos: .atLeastOnce) })
        else { return }
        logger.info("connected; listening for commands", metadata: [LogKey.gatewayID: "\(settings.gatewayID)"])
        do {
            for try await message in client.messages {
                commands.handle(json: message.payload, source: "mqtt")
            }
        } catch {
            logger.warning("command stream ended", metadata: [LogKey.error: "\(error)"])
        }
    }

    /// Runs `attempt` until it succeeds, waiting between failures.
    /// - Returns: false when the client closed or shutdown began first.
    private func retryUntilDone(_ what: String, _ attempt: () async throws -> Void) async -> Bool {
        while !Task.isShuttingDownGracefully && client.connectionState != .closed {
            do {
                try await attempt()
                return true
            } catch {
                logger.warning("could not \(what); retrying", metadata: [LogKey.error: "\(error)"])
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: Self.retryInterval) }
            }
        }
        return false
    }
}
