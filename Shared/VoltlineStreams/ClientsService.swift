public import ServiceLifecycle
public import VoltlineKafka
public import VoltlinePostgres

/// Keeps a service's shared clients for the lifetime of its group: placed first in the `ServiceGroup`, it
/// stops last, flushing the producer and closing the pool after every component that uses them is done.
public struct ClientsService: Service, CustomStringConvertible {
    private let producer: KafkaProducer?
    private let pool: PostgresPool?

    public var description: String { "ClientsService" }

    /// Creates the lifetime holder of `producer` and `pool`.
    public init(producer: KafkaProducer? = nil, pool: PostgresPool? = nil) {
        self.producer = producer
        self.pool = pool
    }

    public func run() async throws {
        try? await gracefulShutdown()
        try await producer?.shutdown()
        await pool?.close()
    }
}
