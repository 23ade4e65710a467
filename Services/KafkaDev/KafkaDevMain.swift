import ArgumentParser
import Dispatch
import Foundation
import Logging
import VoltlineKafka

/// `voltline-kafka-dev`: an embedded Kafka broker for development, on a fixed loopback port.
@main
struct KafkaDevMain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voltline-kafka-dev",
        abstract: "Runs an in-process Kafka cluster (librdkafka mock) with Voltline's topics.")

    @Option(help: "Number of mock brokers.")
    var brokers = 1

    @Option(help: "Fixed loopback bootstrap port (default: $VOLTLINE_KAFKA_PORT, else 19092).")
    var port: Int?

    @Option(name: .customLong("topic"), help: "Extra topic as name:partitions (repeatable).")
    var extraTopics: [TopicArgument] = []

    @Option(help: "Write the brokers' real bootstrap list to this file.")
    var bootstrapFile: String?

    func run() async throws {
        var logger = Logger(label: "voltline.kafka-dev")
        logger.logLevel = .info
        let port = port ?? ProcessInfo.processInfo.environment["VOLTLINE_KAFKA_PORT"].flatMap(Int.init) ?? 19092
        let topics = KafkaDevBroker.defaultTopics + extraTopics.map(\.spec)
        let broker = try KafkaDevBroker(brokers: brokers, port: port, topics: topics, logger: logger)
        if let bootstrapFile {
            try broker.cluster.bootstrapServers.write(toFile: bootstrapFile, atomically: true, encoding: .utf8)
        }
        let brokerList = broker.cluster.bootstrapServers
        logger.info("kafka-dev ready bootstrap=\(broker.bootstrapServers) brokers=\(brokerList) topics=\(topics.count)")
        let signal = await Self.waitForTermination()
        logger.info("kafka-dev stopping signal=\(signal)")
        broker.stop()
    }

    /// Suspends until SIGINT or SIGTERM arrives and returns its number.
    private static func waitForTermination() async -> Int32 {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            let queue = DispatchQueue(label: "voltline.kafka-dev.signals")
            let latch = SignalLatch(continuation)
            queue.sync {
                for number in [SIGINT, SIGTERM] {
                    signal(number, SIG_IGN)  // delivered to the dispatch source instead
                    let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                    source.setEventHandler { latch.resume(with: number) }
                    latch.keep(source)
                    source.resume()
                }
            }
        }
    }
}

/// Resumes the termination wait once and keeps the signal sources alive until then.
private final class SignalLatch: @unchecked Sendable {
    // @unchecked: every access happens on the one serial signal queue.
    private var continuation: CheckedContinuation<Int32, Never>?
    private var sources: [any DispatchSourceSignal] = []

    init(_ continuation: CheckedContinuation<Int32, Never>) { self.continuation = continuation }

    func keep(_ source: any DispatchSourceSignal) { sources.append(source) }

    func resume(with number: Int32) {
        continuation?.resume(returning: number)
        continuation = nil
        sources.forEach { $0.cancel() }
    }
}

/// A `--topic name:partitions` argument.
struct TopicArgument: ExpressibleByArgument {
    let spec: KafkaTopicSpec

    init?(argument: String) {
        let parts = argument.split(separator: ":")
        guard parts.count == 2, !parts[0].isEmpty, let partitions = Int(parts[1]), partitions > 0 else { return nil }
        spec = KafkaTopicSpec(name: String(parts[0]), partitions: partitions)
    }
}
