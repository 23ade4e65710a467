public import ServiceLifecycle
public import VoltlineKafka

/// Keeps a ``KafkaProducer`` in a service group: does nothing until graceful shutdown, then flushes
/// what is still queued and stops the producer. Place it before the services that produce, so it shuts
/// down after them.
public struct ProducerLifecycle: Service, CustomStringConvertible {
    private let producer: KafkaProducer

    public var description: String { "ProducerLifecycle" }

    /// Wraps `producer`.
    public init(_ producer: KafkaProducer) {
        self.producer = producer
    }

    public func run() async throws {
        try? await gracefulShutdown()
        try await producer.shutdown()
    }
}
