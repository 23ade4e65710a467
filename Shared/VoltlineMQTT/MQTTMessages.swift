import VoltlineSupport

/// The messages a ``MQTTClient`` receives, in arrival order, for a single consumer.
///
/// Backed by a bounded buffer whose producer is libmosquitto's network thread: when the consumer
/// lags and the buffer is full, that thread stops reading from the socket and the broker keeps the
/// backlog (in the persistent session, up to its `max_queued_messages`). The sequence ends after
/// ``MQTTClient/disconnect()``, once the buffered messages have been consumed.
///
/// - Important: libmosquitto 2.0 acknowledges a QoS 1 message (PUBACK) *before* handing it to this
///   sequence, so messages still buffered in this process when it crashes are lost to this client.
///   Keep ``MQTTConfiguration/incomingBufferCapacity`` small.
public struct MQTTMessages: AsyncSequence, Sendable {
    public typealias Element = MQTTMessage

    let buffer: BackpressureBuffer<MQTTMessage>

    /// Iterates the messages; only one iterator may exist at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let buffer: BackpressureBuffer<MQTTMessage>
        var base: BackpressureBuffer<MQTTMessage>.AsyncIterator

        /// The next message, suspending until one arrives; `nil` after the client disconnected.
        public mutating func next() async throws -> MQTTMessage? { try await base.next() }

        /// Up to `limit` messages: waits for the first, then takes what is already buffered.
        /// `nil` after the client disconnected.
        public mutating func nextBatch(limit: Int) async throws -> [MQTTMessage]? {
            try await buffer.nextBatch(limit: limit)
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(buffer: buffer, base: buffer.makeAsyncIterator())
    }
}
