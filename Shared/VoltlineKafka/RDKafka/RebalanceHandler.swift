import CRdKafka
import Logging

/// A consumer's `rebalance_cb`, run on its poll thread inside `rd_kafka_consumer_poll`.
///
/// On assign, each partition starts at its committed offset, or explicitly at the beginning (or the
/// end, per ``KafkaConsumerConfiguration/startPosition``) when the group has none
/// (`auto.offset.reset=error` would otherwise make that an error). On revoke,
/// stored offsets are committed synchronously *before* the partitions are given up, so the next
/// owner starts exactly after the last processed message.
struct RebalanceHandler: Sendable {
    let tracker: AssignmentTracker
    let logger: Logger
    /// How long the assign step waits for the group's committed offsets.
    let committedTimeout: Duration
    /// Where partitions without a committed offset start.
    let startPosition: KafkaConsumerConfiguration.StartPosition

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

    /// Fills in each partition's start: the committed offset, or ``startPosition`` when there is none.
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
                list.elements[index].offset = startOffset(rk, list.elements[index])
            }
        }
        check(err, "rd_kafka_committed")
    }

    /// The start of a partition without a committed offset. For ``KafkaConsumerConfiguration/StartPosition/end``
    /// the high watermark is looked up now rather than left to librdkafka's lazy `OFFSET_END`, so that a
    /// message produced once the assignment is visible is always delivered.
    private func startOffset(_ rk: OpaquePointer, _ partition: rd_kafka_topic_partition_t) -> Int64 {
        switch startPosition {
        case .beginning:
            return Int64(RD_KAFKA_OFFSET_BEGINNING)
        case .end:
            var low: Int64 = -1
            var high: Int64 = -1
            let err = rd_kafka_query_watermark_offsets(
                rk, partition.topic, partition.partition, &low, &high, Int32(committedTimeout.milliseconds))
            return err == RD_KAFKA_RESP_ERR_NO_ERROR && high >= 0 ? high : Int64(RD_KAFKA_OFFSET_END)
        }
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
