import CRdKafka
import Logging

/// A consumer's `rebalance_cb`, run on its poll thread inside `rd_kafka_consumer_poll`.
///
/// On assign, each partition starts at its committed offset, or explicitly at the beginning when
/// the group has none (`auto.offset.reset=error` would otherwise make that an error). On revoke,
/// stored offsets are committed synchronously *before* the partitions are given up, so the next
/// owner starts exactly after the last processed message.
struct RebalanceHandler: Sendable {
    let tracker: AssignmentTracker
    let logger: Logger
    /// How long the assign step waits for the group's committed offsets.
    let committedTimeout: Duration

    func handle(
        _ rk: OpaquePointer, _ err: rd_kafka_resp_err_t, _ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>
    ) {
        let partitions = list.elements.map(KafkaTopicPartition.init)
        let cooperative = String(cString: rd_kafka_rebalance_protocol(rk)) == "COOPERATIVE"
        logger.debug(
            "Kafka rebalance",
            metadata: [
                "kafka.rebalance": "\(String(cString: rd_kafka_err2name(err)))",
                "kafka.partitions": "\(partitions)",
            ])
        switch err {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            setStartOffsets(rk, list)
            tracker.assign(partitions)
            if cooperative {
                check(rd_kafka_incremental_assign(rk, list), "rd_kafka_incremental_assign")
            } else {
                check(rd_kafka_assign(rk, list), "rd_kafka_assign")
            }
        case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
            tracker.revoke(partitions)
            check(rd_kafka_commit(rk, nil, 0), "rd_kafka_commit")
            if cooperative {
                check(rd_kafka_incremental_unassign(rk, list), "rd_kafka_incremental_unassign")
            } else {
                check(rd_kafka_assign(rk, nil), "rd_kafka_assign")
            }
        default:
            tracker.revoke(Array(tracker.assignment))
            check(rd_kafka_assign(rk, nil), "rd_kafka_assign")
        }
    }

    /// Fills in each partition's start: the committed offset, or the beginning when there is none.
    private func setStartOffsets(_ rk: OpaquePointer, _ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) {
        var err = RD_KAFKA_RESP_ERR__TIMED_OUT
        for _ in 0..<3 where err != RD_KAFKA_RESP_ERR_NO_ERROR {
            err = rd_kafka_committed(rk, list, Int32(committedTimeout.milliseconds))
        }
        for index in list.elements.indices {
            if err != RD_KAFKA_RESP_ERR_NO_ERROR || list.elements[index].err != RD_KAFKA_RESP_ERR_NO_ERROR {
                // Unknown: let librdkafka look the offset up itself; if there is none, the
                // `auto.offset.reset=error` error reaches the application instead of a silent guess.
                list.elements[index].offset = Int64(RD_KAFKA_OFFSET_INVALID)
            } else if list.elements[index].offset < 0 {
                list.elements[index].offset = Int64(RD_KAFKA_OFFSET_BEGINNING)
            }
        }
        check(err, "rd_kafka_committed")
    }

    private func check(_ err: rd_kafka_resp_err_t, _ function: String) {
        guard err != RD_KAFKA_RESP_ERR_NO_ERROR && err != RD_KAFKA_RESP_ERR__NO_OFFSET else { return }
        logger.info(
            "Kafka rebalance step failed", metadata: [KafkaLogKey.errorCode: "\(KafkaError(err, function: function))"])
    }

    private func check(_ error: OpaquePointer?, _ function: String) {
        guard let error else { return }
        logger.info(
            "Kafka rebalance step failed",
            metadata: [KafkaLogKey.errorCode: "\(KafkaError(consuming: error, function: function))"])
    }
}
