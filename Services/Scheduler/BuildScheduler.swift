import Configuration
import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle
import VoltlinePostgres
import VoltlineScheduling
import VoltlineService
import VoltlineStreams

/// Builds the scheduler: installs the tariff (the file in `scheduler.tariff-file`, or the built-in default when
/// no tariff is active), then the pricing loop, the optimisation queue worker, and one HTTP server (default port
/// 8085) with the ops endpoints and ``ScheduleRoutes`` (`POST /schedules`, `GET /schedules/{id}`).
/// - Throws: when the database is unreachable or the tariff file is unreadable or invalid.
func buildScheduler(
    reader: ConfigReader, registry: PrometheusCollectorRegistry, logger: Logger
) async throws -> SchedulerServices {
    let connections = ConnectionSettings(reader: reader)
    let settings = PricingSettings(reader: reader)
    let pool = try connections.pool(for: "voltline-scheduler", logger: logger)
    let tariffs = TariffStore(pool: pool)
    if let file = settings.tariffFile {
        let tariff = try TariffStore.load(file: file)
        try await tariffs.activate(tariff)
        logger.info("tariff activated from file", metadata: ["tariff": "\(tariff.name)", "tariff.file": "\(file)"])
    } else if try await tariffs.activateIfNoneActive(.koreanIndustrial) {
        logger.info("default tariff activated", metadata: ["tariff": "\(Tariff.koreanIndustrial.name)"])
    }
    let readiness = ReadinessProbe(conditions: ["database"])
    let pricer = EnergyPricer(pool: pool, tariffs: tariffs, settings: settings, readiness: readiness, logger: logger)
    let store = ScheduleStore(pool: pool)
    let worker = ScheduleWorker(store: store, settings: SchedulingSettings(reader: reader), logger: logger)
    let http = OpsServer.Configuration(reader: reader, defaultPort: 8085)
    let router = Router()
    OpsServer.addRoutes(to: router, readiness: readiness, registry: registry)
    ScheduleRoutes(store: store).register(on: router)
    let server = Application(
        router: router, configuration: .init(address: .hostname(http.host, port: http.port)), logger: logger)
    let group = ServiceGroup(
        configuration: .init(
            services: [.init(service: pricer), .init(service: worker), .init(service: server)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    return SchedulerServices(group: group, pricer: pricer, worker: worker, store: store, router: router)
}
