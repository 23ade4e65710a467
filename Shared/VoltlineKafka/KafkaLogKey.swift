/// The metadata keys this library logs with, in one place so they stay consistent.
enum KafkaLogKey {
    static let facility = "kafka.librdkafka.facility"
    static let errorCode = "kafka.error.code"
    static let errorMessage = "kafka.error.message"
    static let topic = "kafka.topic"
    static let partition = "kafka.partition"
    static let offset = "kafka.offset"
    static let bootstrap = "kafka.bootstrap"
    static let peer = "kafka.forwarder.peer"
}
