import Configuration
import Hummingbird
import HummingbirdWebSocket
import Logging
import Prometheus
import VoltlinePostgres
import VoltlineService
import VoltlineStreams

/// Builds the API server: REST under `/api/v1`, the live WebSocket, and `/healthz`, `/readyz`, `/metrics`,
/// all on one HTTP server (`http.host`, `http.port`, default 127.0.0.1:8080). Its services, the database
/// monitor and the live Kafka follower, run inside the application's own service group.
///
/// Settings: ``ConnectionSettings`` (`kafka.brokers`, `database.url`, `database.pool-size`), ``APISettings``
/// and ``OpsServer/Configuration``.
/// - Throws: when the database URL is malformed.
func buildApplication(
    reader: ConfigReader, registry: PrometheusCollectorRegistry, logger: Logger
) throws -> some ApplicationProtocol {
    let connections = ConnectionSettings(reader: reader)
    let settings = APISettings(reader: reader)
    let http = OpsServer.Configuration(reader: reader, defaultPort: 8080)
    let readiness = ReadinessProbe(conditions: [DatabaseMonitor.readinessCondition, LiveFollower.readinessCondition])

    let pool = try connections.pool(for: "voltline-api", logger: logger)
    let monitor = DatabaseMonitor(
        pool: pool, interval: settings.databaseCheckInterval, readiness: readiness, logger: logger)
    let broadcaster = LiveBroadcaster(capacity: settings.liveClientBuffer)
    let follower = LiveFollower(
        client: connections.kafka(clientID: "voltline-api"), groupPrefix: settings.liveGroupPrefix,
        broadcaster: broadcaster, readingInterval: settings.liveReadingInterval, readiness: readiness,
        logger: logger)

    let router = Router(context: APIRequestContext.self)
    OpsServer.addRoutes(to: router, readiness: readiness, registry: registry)
    let v1 = router.group("api/v1")
    DeviceRoutes(pool: pool, latestWindow: settings.latestWindow).register(on: v1)
    AlertRoutes(pool: pool).register(on: v1)
    CostRoutes(pool: pool).register(on: v1)
    TariffRoutes(pool: pool).register(on: v1)
    ScheduleRoutes(pool: pool).register(on: v1)
    BatteryRoutes(pool: pool).register(on: v1)
    StatusRoutes(monitor: monitor, follower: follower, broadcaster: broadcaster).register(on: v1)
    LiveRoutes(broadcaster: broadcaster).register(on: router)

    return Application(
        router: router,
        server: .http1WebSocketUpgrade(webSocketRouter: router),
        configuration: .init(address: .hostname(http.host, port: http.port), serverName: "voltline-api"),
        services: [monitor, follower],
        logger: logger)
}
