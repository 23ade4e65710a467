import ArgumentParser
import Foundation
import Logging
import VoltlineMQTT
import VoltlinePostgres

/// `voltline-bench pipeline`: drives the running system with simulated gateways and measures what it carries,
/// how fast it warns, and what that costs in CPU and memory.
struct PipelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Load the running system over MQTT; report throughput, loss, latency, CPU and memory.",
        discussion: """
            Expects PostgreSQL, mosquitto, Kafka and the services running (deploy/local/voltline bench pipeline \
            starts them in release mode). Publishes from this process, counts exactly what the broker acknowledged, \
            and after the run waits until PostgreSQL holds every acknowledged reading (loss must be zero).
            """)

    @Option(help: "Simulated devices (machines and packs).") var devices = 10_000
    @Option(help: "Offered load in readings per second (the first step with --ramp).") var rate = 5_000.0
    @Option(help: "Share of the devices that are battery packs.") var packShare = 0.3
    @Option(help: "Gateways, each one MQTT connection.") var gateways = 8
    @Option(help: "Readings per MQTT payload.") var batch = 50
    @Option(help: "Unacknowledged QoS 1 publishes per gateway.") var window = 32
    @Option(help: "Seconds of warm-up before measuring.") var warmup = 15.0
    @Option(help: "Seconds of the measured window.") var duration = 30.0
    @Option(help: "Fault probes (packs faulted once each, 0.5 s apart) for fault → alert latency.") var faultProbes = 20
    @Flag(help: "Step the rate up until the pipeline stops keeping up; report the highest sustainable rate.")
    var ramp = false
    @Option(help: "Ramp: rate multiplier per step.") var rampFactor = 1.4
    @Option(help: "Ramp: highest rate to try.") var rampMax = 150_000.0
    @Option(help: "Seconds to wait for PostgreSQL to hold every published reading after the load stops.")
    var drainTimeout = 180.0
    @Option(help: "MQTT broker host.") var mqttHost = "127.0.0.1"
    @Option(help: "MQTT broker port.") var mqttPort = 18830
    @Option(help: "PostgreSQL URL (default: $VOLTLINE_DATABASE_URL or the local one).") var databaseURL: String?
    @Option(help: "API base URL (its WebSocket is <url>/api/v1/live).") var api = "http://127.0.0.1:8080"
    @Option(help: "State directory of deploy/local/voltline (pid files).") var stateDir = ".voltline"
    @Option(help: "Also write the results as JSON to this file.") var json: String?
    @Flag(help: "Keep the run's devices and rows in PostgreSQL (by default they are deleted after counting).")
    var keepData = false

    func validate() throws {
        guard devices > 0, rate > 0, gateways > 0, batch > 0, window > 0 else {
            throw ValidationError("--devices, --rate, --gateways, --batch and --window must be positive")
        }
        guard (0...1).contains(packShare) else { throw ValidationError("--pack-share is a fraction in 0...1") }
        guard devices >= gateways * batch else {
            throw ValidationError("--devices must be at least --gateways × --batch, so a payload never repeats a device")
        }
    }

    func run() async throws {
        var logger = Logger(label: "voltline.bench.pipeline")
        logger.logLevel = .warning
        let runID = String(UInt32.random(in: .min ... .max), radix: 36)
        let fleet = BenchFleet(
            runID: runID, devices: devices, packShare: packShare, gateways: gateways, faultProbes: faultProbes)
        let database = try PostgresConfiguration(
            url: databaseURL ?? ProcessInfo.processInfo.environment["VOLTLINE_DATABASE_URL"]
                ?? "postgresql://voltline:voltline@127.0.0.1:54329/voltline")
        let mqtt = MQTTConfiguration(host: mqttHost, port: mqttPort, clientID: "voltline-bench")
        let connection = try await PostgresConnection.connect(configuration: database, logger: logger)
        try await fleet.register(on: connection)
        log("run \(runID): \(fleet.deviceCount) devices on \(gateways) gateways, \(Int(rate)) readings/s offered")

        let context = PipelineRun(
            fleet: fleet, connection: connection,
            generator: LoadGenerator(
                fleet: fleet, rate: rate, batchSize: batch, window: window, mqtt: mqtt, logger: logger),
            durability: DurabilityProbe(device: fleet.durabilityProbe, mqtt: mqtt, database: database, logger: logger),
            alerts: AlertProbe(
                packs: fleet.faultProbes, mqtt: mqtt,
                liveURL: api.replacingOccurrences(of: "http", with: "ws") + "/api/v1/live", logger: logger),
            scraper: MetricsScraper(endpoints: PipelineRun.serviceEndpoints),
            sampler: .localSystem(stateDirectory: stateDir, names: PipelineRun.processNames),
            log: log)
        let report = try await context.measure(
            rates: ramp ? rampRates : [rate], warmup: .seconds(warmup), window: .seconds(duration),
            drainTimeout: .seconds(drainTimeout))
        if !keepData { try await fleet.removeData(on: connection) }
        await connection.close()
        print(report.table)
        if let json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(report).write(to: URL(fileURLWithPath: json))
            log("wrote \(json)")
        }
        if report.loss != 0 { throw BenchFailure("\(report.loss) published readings are missing from PostgreSQL") }
    }

    private var rampRates: [Double] {
        Array(sequence(first: rate) { $0 * rampFactor }.prefix { $0 <= rampMax })
    }

    private func log(_ line: String) {
        FileHandle.standardError.write(Data("[voltline-bench] \(line)\n".utf8))
    }
}
