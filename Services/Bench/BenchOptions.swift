import ArgumentParser
import Foundation

/// What to run and where the servers are; shared by the scenarios.
struct BenchOptions: ParsableArguments {
    @Option(help: "Messages per MQTT and Kafka run.")
    var messages = 200_000

    @Option(help: "Payload size of each MQTT and Kafka message, in bytes.")
    var payloadBytes = 100

    @Option(help: "Rows per PostgreSQL COPY run.")
    var rows = 1_000_000

    @Option(help: "MQTT broker host.")
    var mqttHost = "127.0.0.1"

    @Option(help: "MQTT broker port.")
    var mqttPort = 18830

    @Option(
        help: """
            Kafka bootstrap servers. Default: a librdkafka mock cluster hosted in this process, because the \
            shared dev broker (127.0.0.1:19092, also a mock) cannot delete topics and auto-creates them with \
            4 partitions of about 5 MB each, too small for the default run. A real cluster must accept \
            CreateTopics; the two benchmark topics are left behind there.
            """)
    var kafkaBrokers: String?

    @Option(
        help: """
            PostgreSQL URL (default: $VOLTLINE_DATABASE_URL, else \
            postgresql://voltline:voltline@127.0.0.1:54329/voltline).
            """)
    var databaseURL: String?

    @Option(help: "Run only this scenario: mqtt, kafka or postgres.")
    var only: Scenario?

    @Option(help: "Also write the results as JSON to this file.")
    var json: String?

    /// The PostgreSQL URL after applying the environment default.
    var resolvedDatabaseURL: String {
        databaseURL ?? ProcessInfo.processInfo.environment["VOLTLINE_DATABASE_URL"]
            ?? "postgresql://voltline:voltline@127.0.0.1:54329/voltline"
    }

    /// The scenarios to run, in order.
    var scenarios: [Scenario] { only.map { [$0] } ?? Scenario.allCases }

    func validate() throws {
        guard messages > 0, rows > 0 else { throw ValidationError("--messages and --rows must be positive") }
        guard payloadBytes > 0 else { throw ValidationError("--payload-bytes must be positive") }
    }
}

/// One client library's benchmark.
enum Scenario: String, CaseIterable, ExpressibleByArgument, Sendable {
    case mqtt
    case kafka
    case postgres
}
