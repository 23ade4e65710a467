import Logging
import Metrics
import ServiceLifecycle
import Synchronization
import VoltlineKafka

/// Slows MQTT intake while the store falls behind on Kafka.
///
/// The embedded Kafka keeps only about 5 MB per partition, and a real cluster's retention is finite too:
/// rather than let the log outrun its consumer, intake pauses when the store's lag on any partition exceeds
/// `maxLag` and resumes once it falls below half of that. While paused, ingest stops reading MQTT, its
/// bounded buffer fills, libmosquitto stops reading the socket, and mosquitto keeps the backlog in the
/// persistent session.
final class FlowGate: Service, CustomStringConvertible {
    private let consumer: KafkaConsumer
    private let maxLag: Int64
    private let logger: Logger
    private let paused = Atomic<Bool>(false)
    private let lagGauge = Gauge(label: "voltline_ingest_store_lag_messages")
    private let pausedGauge = Gauge(label: "voltline_ingest_intake_paused")
    private let pauses = Counter(label: "voltline_ingest_intake_pauses_total")

    var description: String { "FlowGate" }

    init(watching consumer: KafkaConsumer, maxLag: Int64, logger: Logger) {
        self.consumer = consumer
        self.maxLag = maxLag
        self.logger = logger
    }

    /// Whether intake is paused now.
    var isPaused: Bool { paused.load(ordering: .relaxed) }

    /// Returns at once when intake may go on; otherwise waits until it may (or the task is cancelled).
    func waitWhilePaused() async {
        while isPaused && !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let lag = await consumer.lag().map(\.lag).max() ?? 0
            lagGauge.record(lag)
            let wasPaused = isPaused
            let pause = wasPaused ? lag > maxLag / 2 : lag > maxLag
            if pause != wasPaused {
                paused.store(pause, ordering: .relaxed)
                pausedGauge.record(pause ? 1 : 0)
                if pause { pauses.increment() }
                logger.notice(
                    pause ? "pausing MQTT intake: store is behind" : "resuming MQTT intake",
                    metadata: ["ingest.lag": "\(lag)", "ingest.max_lag": "\(maxLag)"])
            }
            try? await Task.sleep(for: .milliseconds(250))
        }
        paused.store(false, ordering: .relaxed)
    }
}
