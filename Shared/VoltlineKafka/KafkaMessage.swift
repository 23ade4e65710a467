import CRdKafka
public import Foundation

/// A message received by a ``KafkaConsumer``.
public struct KafkaMessage: Sendable {
    /// The topic and partition it was read from.
    public var topicPartition: KafkaTopicPartition
    /// Its offset in the partition.
    public var offset: Int64
    /// The message key, `nil` when the producer set none.
    public var key: [UInt8]?
    /// The payload.
    public var value: [UInt8]
    /// The producer's (or broker's log-append) timestamp, if any.
    public var timestamp: Date?
    /// The record headers.
    public var headers: [KafkaHeader]
    /// The topic name.
    public var topic: String { topicPartition.topic }
    /// The partition number.
    public var partition: Int { topicPartition.partition }

    /// The assignment generation of the partition when the message was fetched, so messages of
    /// partitions revoked since then can be dropped (the new owner will receive them).
    let generation: Int

    /// Copies a message out of librdkafka's `rd_kafka_message_t`, which the caller still owns.
    /// - Parameter generation: the current assignment generation of the message's partition.
    init(_ message: UnsafeMutablePointer<rd_kafka_message_t>, generation: (KafkaTopicPartition) -> Int) {
        let m = message.pointee
        topicPartition = KafkaTopicPartition(
            topic: String(cString: rd_kafka_topic_name(m.rkt)), partition: Int(m.partition))
        offset = m.offset
        key = m.key.map { Array(UnsafeRawBufferPointer(start: $0, count: m.key_len)) }
        value = m.payload.map { Array(UnsafeRawBufferPointer(start: $0, count: m.len)) } ?? []
        var timestampType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let millis = rd_kafka_message_timestamp(message, &timestampType)
        timestamp =
            timestampType == RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
            ? nil : Date(timeIntervalSince1970: Double(millis) / 1000)
        headers = Self.headers(of: message)
        self.generation = generation(topicPartition)
    }

    private static func headers(of message: UnsafeMutablePointer<rd_kafka_message_t>) -> [KafkaHeader] {
        var list: OpaquePointer?
        guard rd_kafka_message_headers(message, &list) == RD_KAFKA_RESP_ERR_NO_ERROR, let list else { return [] }
        var headers: [KafkaHeader] = []
        var name: UnsafePointer<CChar>?
        var value: UnsafeRawPointer?
        var size = 0
        while rd_kafka_header_get_all(list, headers.count, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
            headers.append(
                KafkaHeader(
                    key: name.map { String(cString: $0) } ?? "",
                    value: value.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) }))
        }
        return headers
    }
}
