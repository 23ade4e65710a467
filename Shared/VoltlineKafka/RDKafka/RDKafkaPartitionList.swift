import CRdKafka

/// Swift views of an `rd_kafka_topic_partition_list_t` owned by someone else.
extension UnsafeMutablePointer where Pointee == rd_kafka_topic_partition_list_t {
    /// The list's elements, valid while the list is.
    var elements: UnsafeMutableBufferPointer<rd_kafka_topic_partition_t> {
        UnsafeMutableBufferPointer(start: pointee.elems, count: Int(pointee.cnt))
    }
}

extension KafkaTopicPartition {
    init(_ element: rd_kafka_topic_partition_t) {
        self.init(topic: String(cString: element.topic), partition: Int(element.partition))
    }
}

/// Creates a partition list, hands it to `body`, and destroys it afterwards.
func withPartitionList<R>(
    _ partitions: [(KafkaTopicPartition, offset: Int64)],
    _ body: (UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) throws -> R
) rethrows -> R {
    let list = rd_kafka_topic_partition_list_new(Int32(partitions.count))!
    defer { rd_kafka_topic_partition_list_destroy(list) }
    for (partition, offset) in partitions {
        rd_kafka_topic_partition_list_add(list, partition.topic, Int32(partition.partition)).pointee.offset = offset
    }
    return try body(list)
}
