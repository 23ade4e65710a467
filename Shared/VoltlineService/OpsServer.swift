public import Configuration
public import Hummingbird
public import Logging
public import Prometheus

/// The operations endpoints every service serves: `/healthz` (the process runs), `/readyz` (its
/// dependencies are reachable) and `/metrics` (Prometheus text format).
public enum OpsServer {
    /// Settings, read from `http.host` (default 127.0.0.1) and `http.port` (the service's default).
    public struct Configuration: Sendable {
        /// Address to bind.
        public var host: String
        /// Port to bind; 0 picks a free one.
        public var port: Int

        /// Reads `http.host` and `http.port`.
        public init(reader: ConfigReader, defaultPort: Int) {
            host = reader.string(forKey: "http.host", default: "127.0.0.1")
            port = reader.int(forKey: "http.port", default: defaultPort)
        }
    }

    /// Adds the three endpoints to `router`.
    public static func addRoutes(
        to router: Router<some RequestContext>, readiness: ReadinessProbe, registry: PrometheusCollectorRegistry
    ) {
        router.get("healthz") { _, _ in "ok\n" }
        router.get("readyz") { _, _ -> Response in
            let failing = readiness.failing
            guard failing.isEmpty else {
                return Response(
                    status: .serviceUnavailable,
                    body: .init(byteBuffer: ByteBuffer(string: "not ready: \(failing.joined(separator: ", "))\n")))
            }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ready\n")))
        }
        router.get("metrics") { _, _ -> Response in
            var text: [UInt8] = []
            registry.emit(into: &text)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: text)))
        }
    }

    /// An HTTP application serving only the operations endpoints; run it in the service group.
    public static func application(
        configuration: Configuration, readiness: ReadinessProbe, registry: PrometheusCollectorRegistry, logger: Logger
    ) -> some ApplicationProtocol {
        let router = Router()
        addRoutes(to: router, readiness: readiness, registry: registry)
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port)),
            logger: logger)
    }
}
