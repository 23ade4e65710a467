import Foundation
import Logging
import VoltlineKafka
import VoltlineTestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The whole product as it runs in production, on private servers: every service is its real
/// executable, talking to a private mosquitto, an in-process Kafka (librdkafka's mock cluster over TCP)
/// and a fresh database.
final class SystemUnderTest: @unchecked Sendable {
    // @unchecked: `processes` is only touched from the test's own task.
    static let services = ["ingest", "features", "anomaly", "alerts", "scheduler", "api", "sim"]

    let database: TestDatabase
    let kafka: KafkaDevBroker
    let mqtt: TestBroker
    let ports: [String: Int]
    let logDirectory: URL
    private var processes: [String: ChildProcess] = [:]
    private let settings: [String: String]

    private init(database: TestDatabase, kafka: KafkaDevBroker, mqtt: TestBroker, settings: [String: String]) throws {
        self.database = database
        self.kafka = kafka
        self.mqtt = mqtt
        self.settings = settings
        ports = Dictionary(uniqueKeysWithValues: try Self.services.map { ($0, try TestBroker.freePort()) })
        logDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("voltline-e2e-\(UUID())")
        try FileManager.default.createDirectory(at: logDirectory, withIntermediateDirectories: true)
    }

    /// Starts every service with `settings` (extra `VOLTLINE_*` variables), waits until all are ready,
    /// runs `body`, and stops everything.
    static func with(settings: [String: String] = [:], _ body: (SystemUnderTest) async throws -> Void) async throws {
        try await TestDatabase.with { database in
            try await TestBroker.with { mqtt in
                let kafka = try KafkaDevBroker(
                    brokers: 1, port: 0, topics: KafkaDevBroker.defaultTopics, logger: Logger(label: "e2e-kafka"))
                defer { kafka.stop() }
                let system = try SystemUnderTest(database: database, kafka: kafka, mqtt: mqtt, settings: settings)
                do {
                    for service in services { try await system.start(service) }
                    try await body(system)
                } catch {
                    await system.stopAll()
                    throw Failure(description: "\(error)\n--- service logs in \(system.logDirectory.path) ---\n\(system.logTails())")
                }
                await system.stopAll()
            }
        }
    }

    /// Starts `service` and waits for its `/readyz`.
    func start(_ service: String) async throws {
        let binary = RepositoryPaths.binaries.appendingPathComponent("voltline-\(service)").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw Failure(description: "\(binary) is missing: build the products first (swift build)")
        }
        var environment = [
            "VOLTLINE_KAFKA_BROKERS": kafka.bootstrapServers, "VOLTLINE_DATABASE_URL": database.url,
            "VOLTLINE_MQTT_HOST": "127.0.0.1", "VOLTLINE_MQTT_PORT": "\(mqtt.port)",
            "VOLTLINE_HTTP_PORT": "\(ports[service]!)", "VOLTLINE_INGEST_INSTANCE_ID": "ingest-\(database.name)",
        ]
        environment.merge(settings) { $1 }
        processes[service] = try ChildProcess(
            binary, [], environment: environment,
            outputPath: logDirectory.appendingPathComponent("\(service).log").path)
        try await waitUntil("\(service) ready", timeout: .seconds(60)) {
            try await self.status(service, "/readyz") == 200
        }
    }

    /// Stops `service` with `signal` and waits for it to exit.
    func stop(_ service: String, signal: Int32 = SIGTERM) async {
        await processes.removeValue(forKey: service)?.terminate(signal: signal)
    }

    func stopAll() async {
        for service in Self.services.reversed() { await stop(service) }
    }

    /// The HTTP status of a GET on `service`, 0 when it does not answer.
    func status(_ service: String, _ path: String) async throws -> Int {
        do {
            let (_, response) = try await URLSession.shared.data(from: url(service, path))
            return (response as? HTTPURLResponse)?.statusCode ?? 0
        } catch {
            return 0
        }
    }

    /// Sends a request with a JSON body to `service` and returns the status and decoded JSON answer.
    func send(_ method: String, _ service: String, _ path: String, json: String) async throws -> (Int, Any?) {
        var request = URLRequest(url: url(service, path))
        request.httpMethod = method
        request.httpBody = Data(json.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, try? JSONSerialization.jsonObject(with: data))
    }

    /// GETs JSON from `service`.
    func get(_ service: String, _ path: String) async throws -> Any? {
        let (data, _) = try await URLSession.shared.data(from: url(service, path))
        return try? JSONSerialization.jsonObject(with: data)
    }

    func url(_ service: String, _ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(ports[service]!)\(path)")!
    }

    /// One integer from SQL.
    func count(_ sql: String) async throws -> Int {
        let connection = try await database.connect()
        defer { Task { await connection.close() } }
        let rows = try await connection.query(.init(stringLiteral: sql))
        return Int(try rows[0].decode(Int64.self, at: 0))
    }

    /// Rows of one text column from SQL, for failure messages.
    func texts(_ sql: String) async throws -> [String] {
        let connection = try await database.connect()
        defer { Task { await connection.close() } }
        return try await connection.query(.init(stringLiteral: sql)).map { try $0.decode(String.self, at: 0) }
    }

    /// The last lines of every service's log, for a failure message.
    func logTails() -> String {
        Self.services.map { service in
            let text = (try? String(contentsOf: logDirectory.appendingPathComponent("\(service).log"), encoding: .utf8)) ?? ""
            return "[\(service)]\n" + text.split(separator: "\n").suffix(15).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }
}
