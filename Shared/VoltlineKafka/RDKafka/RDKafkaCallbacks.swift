import CRdKafka
import Logging

/// What librdkafka's callbacks of one `rd_kafka_t` do, reached through the handle's opaque
/// (`rd_kafka_conf_set_opaque`).
///
/// The ``RDKafkaClient`` that owns the handle keeps this object alive and destroys the handle first,
/// so the unretained opaque pointer is valid for every callback. The closures run on librdkafka's
/// threads or inside `rd_kafka_*poll`; they must be quick and must not block on Swift concurrency.
final class RDKafkaCallbacks: Sendable {
    typealias Delivery = @Sendable (UnsafePointer<rd_kafka_message_t>) -> Void
    typealias Rebalance =
        @Sendable (OpaquePointer, rd_kafka_resp_err_t, UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) -> Void

    let logger: Logger
    let delivery: Delivery?
    let rebalance: Rebalance?

    init(logger: Logger, delivery: Delivery? = nil, rebalance: Rebalance? = nil) {
        self.logger = logger
        self.delivery = delivery
        self.rebalance = rebalance
    }

    /// Installs the callbacks on `conf`; `self` must outlive the `rd_kafka_t` created from it.
    func install(on conf: OpaquePointer) {
        rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(self).toOpaque())
        rd_kafka_conf_set_log_cb(conf) { rk, level, facility, text in
            guard let callbacks = RDKafkaCallbacks.from(rk) else { return }
            callbacks.log(level: level, facility: facility, text: text)
        }
        rd_kafka_conf_set_error_cb(conf) { _, err, reason, opaque in
            guard let opaque else { return }
            let callbacks = Unmanaged<RDKafkaCallbacks>.fromOpaque(opaque).takeUnretainedValue()
            callbacks.logger.info(
                "librdkafka error",
                metadata: [
                    KafkaLogKey.errorCode: "\(String(cString: rd_kafka_err2name(rd_kafka_resp_err_t(rawValue: err))))",
                    KafkaLogKey.errorMessage: "\(reason.map { String(cString: $0) } ?? "")",
                ])
        }
        if delivery != nil {
            rd_kafka_conf_set_dr_msg_cb(conf) { _, message, opaque in
                guard let message, let opaque else { return }
                Unmanaged<RDKafkaCallbacks>.fromOpaque(opaque).takeUnretainedValue().delivery?(message)
            }
        }
        if rebalance != nil {
            rd_kafka_conf_set_rebalance_cb(conf) { rk, err, partitions, opaque in
                guard let rk, let partitions, let opaque else { return }
                Unmanaged<RDKafkaCallbacks>.fromOpaque(opaque).takeUnretainedValue().rebalance?(rk, err, partitions)
            }
        }
    }

    private static func from(_ rk: OpaquePointer?) -> RDKafkaCallbacks? {
        guard let rk, let opaque = rd_kafka_opaque(rk) else { return nil }
        return Unmanaged<RDKafkaCallbacks>.fromOpaque(opaque).takeUnretainedValue()
    }

    /// Forwards one librdkafka log line (syslog levels) into swift-log. As a library we log at info
    /// or below, so librdkafka's emergency..warning lines become info.
    private func log(level: Int32, facility: UnsafePointer<CChar>?, text: UnsafePointer<CChar>?) {
        let swiftLevel: Logger.Level =
            switch level {
            case ...4: .info
            case 5...6: .debug
            default: .trace
            }
        guard logger.logLevel <= swiftLevel else { return }
        logger.log(
            level: swiftLevel, "\(text.map { String(cString: $0) } ?? "")",
            metadata: [KafkaLogKey.facility: "\(facility.map { String(cString: $0) } ?? "")"])
    }
}
