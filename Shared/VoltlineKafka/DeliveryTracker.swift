import CRdKafka
import Logging
import Synchronization

/// Counts a producer's messages and turns librdkafka's delivery reports into outcomes: fulfils the
/// ``DeliveryPromise`` passed as per-message opaque, or reports a fire-and-forget failure.
final class DeliveryTracker: Sendable {
    private let sent = Atomic<Int>(0)
    private let failed = Atomic<Int>(0)
    private let inFlight = Atomic<Int>(0)
    private let logger: Logger
    private let onFailure: (@Sendable (KafkaDeliveryFailure) -> Void)?

    init(logger: Logger, onFailure: (@Sendable (KafkaDeliveryFailure) -> Void)?) {
        self.logger = logger
        self.onFailure = onFailure
    }

    var statistics: KafkaProducerStatistics {
        KafkaProducerStatistics(
            sent: sent.load(ordering: .relaxed), failed: failed.load(ordering: .relaxed),
            inFlight: inFlight.load(ordering: .relaxed))
    }

    /// Called once librdkafka accepted a message.
    func accepted() {
        inFlight.add(1, ordering: .relaxed)
    }

    /// Handles one delivery report (`dr_msg_cb`), on the producer's poll thread.
    func delivered(_ message: UnsafePointer<rd_kafka_message_t>) {
        inFlight.subtract(1, ordering: .relaxed)
        let report = message.pointee
        let promise = report._private.map { Unmanaged<DeliveryPromise>.fromOpaque($0).takeRetainedValue() }
        let topic = String(cString: rd_kafka_topic_name(report.rkt))
        guard report.err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            failed.add(1, ordering: .relaxed)
            let error = KafkaError(
                report.err, function: "dr_msg_cb", message: String(cString: rd_kafka_err2str(report.err)))
            logger.debug(
                "Kafka delivery failed",
                metadata: [KafkaLogKey.topic: "\(topic)", KafkaLogKey.errorCode: "\(error.code)"])
            if let promise {
                promise.fulfill(.failure(error))
            } else {
                let key = report.key.map { Array(UnsafeRawBufferPointer(start: $0, count: report.key_len)) }
                onFailure?(KafkaDeliveryFailure(topic: topic, key: key, error: error))
            }
            return
        }
        sent.add(1, ordering: .relaxed)
        promise?.fulfill(
            .success(
                KafkaDeliveryReport(
                    topicPartition: KafkaTopicPartition(topic: topic, partition: Int(report.partition)),
                    offset: report.offset)))
    }
}
