import CRdKafka
public import Logging
import Synchronization
import VoltlineSupport

/// An idempotent Kafka producer (`enable.idempotence=true`, hence `acks=all`): per partition, messages
/// are written once and in the order they were accepted.
///
/// A dedicated thread polls librdkafka and serves delivery reports. ``send(topic:key:value:headers:)``
/// awaits the broker's acknowledgement; ``enqueue(topic:key:value:headers:)`` does not, and reports
/// failures through ``statistics``, the logger (debug) and the `onDeliveryFailure` handler.
/// When librdkafka's local queue is full both wait and retry (backpressure) instead of failing.
/// Call ``shutdown()`` before dropping the producer to deliver what is still queued.
public final class KafkaProducer: Sendable {
    private let client: RDKafkaClient
    private let tracker: DeliveryTracker
    private let pollThread: PollThread
    private let executor = BlockingExecutor(label: "voltline.kafka.producer")
    private let configuration: KafkaProducerConfiguration
    private let isShutDown = Atomic<Bool>(false)
    private let logger: Logger

    /// Creates a producer and starts its poll thread.
    /// - Parameters:
    ///   - configuration: cluster address, delivery timeout and librdkafka properties.
    ///   - logger: receives librdkafka's log lines and delivery failures.
    ///   - onDeliveryFailure: called on the poll thread for each ``enqueue(topic:key:value:headers:)``
    ///     message that could not be delivered; keep it quick.
    /// - Throws: ``KafkaError`` ``KafkaError/Code/invalidConfiguration`` for a bad property.
    public init(
        configuration: KafkaProducerConfiguration, logger: Logger,
        onDeliveryFailure: (@Sendable (KafkaDeliveryFailure) -> Void)? = nil
    ) throws {
        let tracker = DeliveryTracker(logger: logger, onFailure: onDeliveryFailure)
        let client = try RDKafkaClient(
            type: RD_KAFKA_PRODUCER, properties: configuration.librdkafkaProperties,
            callbacks: RDKafkaCallbacks(logger: logger, delivery: { tracker.delivered($0) }))
        self.client = client
        self.tracker = tracker
        self.configuration = configuration
        self.logger = logger
        pollThread = PollThread(name: "voltline.kafka.producer.poll") { _ = rd_kafka_poll(client.handle, 100) }
    }

    deinit {
        pollThread.requestStop()
    }

    /// Counters of sent, failed and in-flight messages.
    public var statistics: KafkaProducerStatistics { tracker.statistics }

    /// Sends a message and waits until the brokers acknowledged it.
    /// - Parameters:
    ///   - topic: the topic; the partition is chosen from `key` (librdkafka's default partitioner).
    ///   - key: the message key; messages with the same key keep their order.
    ///   - value: the payload.
    ///   - headers: record headers.
    /// - Returns: where the message was stored.
    /// - Throws: ``KafkaError``, for example ``KafkaError/Code/messageTooLarge`` at once or
    ///   ``KafkaError/Code/messageTimedOut`` after ``KafkaProducerConfiguration/messageTimeout``.
    public func send(
        topic: String, key: [UInt8]? = nil, value: [UInt8], headers: [KafkaHeader] = []
    ) async throws -> KafkaDeliveryReport {
        let promise = DeliveryPromise()
        let opaque = Unmanaged.passRetained(promise)
        do {
            try await produce(topic: topic, key: key, value: value, headers: headers, opaque: opaque.toOpaque())
        } catch {
            opaque.release()  // librdkafka did not take the message, so no delivery report will
            throw error
        }
        return try await promise.value
    }

    /// Hands a message to librdkafka without waiting for the acknowledgement. Returns once the message
    /// is queued (waiting while the local queue is full).
    ///
    /// A later delivery failure is counted in ``statistics``, logged at debug and passed to the
    /// `onDeliveryFailure` handler given at init.
    /// - Throws: ``KafkaError`` when librdkafka refuses the message outright (too large, shut down).
    public func enqueue(topic: String, key: [UInt8]? = nil, value: [UInt8], headers: [KafkaHeader] = []) async throws {
        try await produce(topic: topic, key: key, value: value, headers: headers, opaque: nil)
    }

    /// Waits until every queued message was acknowledged or failed.
    /// - Throws: ``KafkaError`` ``KafkaError/Code/timedOut`` if messages are still outstanding.
    public func flush(timeout: Duration) async throws {
        let client = client
        let err = await executor.run { rd_kafka_flush(client.handle, timeout.milliseconds) }
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR else { throw KafkaError(err, function: "rd_kafka_flush") }
    }

    /// Flushes outstanding messages (up to ``KafkaProducerConfiguration/shutdownFlushTimeout``) and
    /// stops the poll thread. Later sends throw ``KafkaError/Code/closed``.
    /// - Throws: ``KafkaError`` ``KafkaError/Code/timedOut`` if messages were still outstanding;
    ///   the producer is shut down either way.
    public func shutdown() async throws {
        guard !isShutDown.exchange(true, ordering: .acquiringAndReleasing) else { return }
        defer { logger.debug("Kafka producer shut down") }
        do {
            try await flush(timeout: configuration.shutdownFlushTimeout)
        } catch {
            await pollThread.stop()
            throw error
        }
        await pollThread.stop()
    }

    /// Queues one message with `rd_kafka_produceva`, retrying while librdkafka's queue is full.
    private func produce(
        topic: String, key: [UInt8]?, value: [UInt8], headers: [KafkaHeader], opaque: UnsafeMutableRawPointer?
    ) async throws {
        guard !isShutDown.load(ordering: .acquiring) else {
            throw KafkaError(RD_KAFKA_RESP_ERR__DESTROY, function: "KafkaProducer.send", code: .closed)
        }
        // librdkafka owns the header list only once produceva succeeds.
        var headerList: OpaquePointer? = headers.isEmpty ? nil : makeHeaderList(headers)
        defer { if let headerList { rd_kafka_headers_destroy(headerList) } }
        while true {
            guard let error = produceOnce(topic: topic, key: key, value: value, headers: headerList, opaque: opaque)
            else {
                headerList = nil
                tracker.accepted()
                return
            }
            guard rd_kafka_error_code(error) == RD_KAFKA_RESP_ERR__QUEUE_FULL else {
                throw KafkaError(consuming: error, function: "rd_kafka_produceva")
            }
            rd_kafka_error_destroy(error)
            try await Task.sleep(for: .milliseconds(2))  // the poll thread drains the queue meanwhile
        }
    }

    /// One `rd_kafka_produceva` call; every buffer is copied by librdkafka (`RD_KAFKA_MSG_F_COPY`).
    /// - Returns: librdkafka's error, owned by the caller, or `nil` when the message was queued.
    private func produceOnce(
        topic: String, key: [UInt8]?, value: [UInt8], headers: OpaquePointer?, opaque: UnsafeMutableRawPointer?
    ) -> OpaquePointer? {
        topic.withCString { topicName in
            value.withUnsafeBytes { valueBytes in
                withOptionalBytes(key) { keyBytes in
                    var arguments: [rd_kafka_vu_t] = []
                    arguments.append(.init(RD_KAFKA_VTYPE_TOPIC) { $0.cstr = topicName })
                    arguments.append(.init(RD_KAFKA_VTYPE_MSGFLAGS) { $0.i = RD_KAFKA_MSG_F_COPY })
                    arguments.append(
                        .init(RD_KAFKA_VTYPE_VALUE) {
                            $0.mem.ptr = UnsafeMutableRawPointer(mutating: valueBytes.baseAddress)
                            $0.mem.size = valueBytes.count
                        })
                    if let keyBytes {
                        arguments.append(
                            .init(RD_KAFKA_VTYPE_KEY) {
                                $0.mem.ptr = UnsafeMutableRawPointer(mutating: keyBytes.baseAddress)
                                $0.mem.size = keyBytes.count
                            })
                    }
                    if let opaque { arguments.append(.init(RD_KAFKA_VTYPE_OPAQUE) { $0.ptr = opaque }) }
                    if let headers { arguments.append(.init(RD_KAFKA_VTYPE_HEADERS) { $0.headers = headers }) }
                    return rd_kafka_produceva(client.handle, arguments, arguments.count)
                }
            }
        }
    }

    /// Builds an `rd_kafka_headers_t` holding copies of `headers`; the caller owns it.
    private func makeHeaderList(_ headers: [KafkaHeader]) -> OpaquePointer {
        let list = rd_kafka_headers_new(headers.count)!
        for header in headers {
            withOptionalBytes(header.value) { bytes in
                _ = rd_kafka_header_add(list, header.key, -1, bytes?.baseAddress, bytes?.count ?? 0)
            }
        }
        return list
    }
}

extension rd_kafka_vu_t {
    /// One `rd_kafka_produceva` argument of type `type`, whose union field `fill` sets.
    fileprivate init(_ type: rd_kafka_vtype_t, _ fill: (inout __Unnamed_union_u) -> Void) {
        self.init()
        vtype = type
        fill(&u)
    }
}

/// Calls `body` with the bytes of `array`, or with `nil` when there is no array.
private func withOptionalBytes<R>(_ array: [UInt8]?, _ body: (UnsafeRawBufferPointer?) -> R) -> R {
    guard let array else { return body(nil) }
    return array.withUnsafeBytes { body($0) }
}
