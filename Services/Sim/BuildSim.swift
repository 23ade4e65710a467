import Foundation
import Configuration
import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle
import VoltlineMQTT
import VoltlineService
import VoltlineStreams

/// The simulator's parts, wired: what `main` runs and what tests look into.
struct Sim {
    /// The service group: the virtual gateway, then the ops server.
    let group: ServiceGroup
    let settings: SimSettings
    let controller: GatewayController
    let queue: ReadingQueue
    let client: MQTTClient
}

/// Builds the simulator from its settings (``SimSettings``, ``ConnectionSettings``, ``OpsServer`` keys).
///
/// - Throws: ``SimSettingsError`` for an unusable setting (an unknown scenario device included), `MQTTError`
///   for an unusable MQTT configuration.
func buildSim(reader: ConfigReader, registry: PrometheusCollectorRegistry, logger: Logger) async throws -> Sim {
    let settings = try SimSettings(reader: reader)
    let connections = ConnectionSettings(reader: reader)
    let clock = SimulationClock(
        wallClockMillis: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)),
        acceleration: settings.acceleration, backfillMillis: settings.backfillMillis)
    let startMillis = clock.startMillis
    let controller = GatewayController(
        gateway: SimFleet.gateway(
            seed: settings.seed, startMillis: startMillis, sampleIntervalMillis: settings.sampleIntervalMillis,
            extraMachines: settings.extraDevices),
        clock: clock)
    let metrics = SimMetrics()
    let commands = FaultCommandHandler(controller: controller, metrics: metrics, logger: logger)
    if let scenario = settings.scenario {
        let command = FaultCommand(deviceID: scenario.deviceID, fault: scenario.fault, action: .start)
        do {
            try controller.apply(command, onsetMillis: startMillis + scenario.afterMillis)
        } catch {
            throw SimSettingsError("sim.scenario: \(error)")
        }
        logger.info(
            "fault scenario scheduled",
            metadata: [
                LogKey.deviceID: "\(scenario.deviceID)", LogKey.fault: "\(scenario.fault.contractName)",
                "sim.after_ms": "\(scenario.afterMillis)",
            ])
    }

    var mqtt = MQTTConfiguration(
        host: connections.mqttHost, port: connections.mqttPort, clientID: settings.gatewayID,
        username: connections.mqttUsername, password: connections.mqttPassword, persistentSession: true)
    mqtt.reconnectBackoff = .init(minimumDelay: .seconds(1), maximumDelay: .seconds(10))
    let client = try MQTTClient(configuration: mqtt, logger: logger)
    let registration = try settings.register
        ? DeviceRegistration(configuration: connections.postgres(applicationName: "voltline-sim"), logger: logger)
        : nil

    let queue = ReadingQueue(capacity: settings.queueCapacity)
    let readiness = ReadinessProbe(conditions: [VirtualGatewayService.readinessCondition])
    let gateway = VirtualGatewayService(
        settings: settings, controller: controller, queue: queue, client: client, commands: commands,
        registration: registration, readiness: readiness, metrics: metrics, logger: logger)

    let ops = OpsServer.Configuration(reader: reader, defaultPort: 8086)
    let router = Router()
    OpsServer.addRoutes(to: router, readiness: readiness, registry: registry)
    SimAdminRoutes.add(to: router, controller: controller, commands: commands)
    let server = Application(
        router: router, configuration: .init(address: .hostname(ops.host, port: ops.port)), logger: logger)

    let group = ServiceGroup(
        configuration: .init(
            services: [.init(service: gateway), .init(service: server)], gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
    return Sim(group: group, settings: settings, controller: controller, queue: queue, client: client)
}
