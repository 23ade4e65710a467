import ArgumentParser
import Foundation
import Logging

/// `voltline-bench clients`: runs the MQTT, Kafka and PostgreSQL benchmarks and prints one table.
struct ClientsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clients",
        abstract: "Compare our MQTT, Kafka and PostgreSQL clients with mosquitto_pub/sub, kcat and psql \\copy.")

    @OptionGroup var options: BenchOptions

    func run() async throws {
        var logger = Logger(label: "voltline.bench")
        logger.logLevel = .warning
        let runID = "\(getpid())_\(String(UInt32.random(in: .min ... .max), radix: 16))"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("voltline-bench-\(runID)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        var rows: [BenchRow] = []
        for scenario in options.scenarios {
            log("running \(scenario.rawValue)…")
            switch scenario {
            case .mqtt:
                rows += try await MQTTBenchmark(
                    host: options.mqttHost, port: options.mqttPort, requestedMessages: options.messages,
                    payloadBytes: options.payloadBytes, runID: runID, directory: directory, logger: logger
                ).run()
            case .kafka:
                rows += try await KafkaBenchmark(
                    brokers: options.kafkaBrokers, messages: options.messages, payloadBytes: options.payloadBytes,
                    runID: runID, directory: directory, logger: logger
                ).run()
            case .postgres:
                rows += try await PostgresCopyBenchmark(
                    databaseURL: options.resolvedDatabaseURL, rows: options.rows, runID: runID, directory: directory,
                    logger: logger
                ).run()
            }
        }
        print(ResultTable.render(rows))
        if let path = options.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(rows).write(to: URL(fileURLWithPath: path))
        }
    }

    private func log(_ line: String) {
        FileHandle.standardError.write(Data("[voltline-bench] \(line)\n".utf8))
    }
}
