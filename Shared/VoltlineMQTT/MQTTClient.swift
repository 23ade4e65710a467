import CMosquitto
public import Logging
import VoltlineSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An MQTT client over libmosquitto: connects to one broker, publishes, subscribes, and streams
/// received messages through ``messages`` with backpressure.
///
/// libmosquitto runs its own network thread (`mosquitto_loop_start`) which reads and writes the
/// socket, sends keep-alives and reconnects with ``MQTTConfiguration/reconnectBackoff`` after the
/// connection drops; the client then renews its subscriptions unless the broker kept the session.
/// A client connects once: after ``disconnect()`` create a new one (with the same client id to
/// resume a persistent session).
///
/// ```swift
/// let client = try MQTTClient(configuration: .init(host: "broker", clientID: "gw-7"), logger: logger)
/// try await client.connect()
/// try await client.subscribe(to: "$share/ingest/factory/+/energy", qos: .atLeastOnce)
/// for try await message in client.messages { ... }
/// ```
///
/// Ownership: the client owns the `struct mosquitto *` from `mosquitto_new` (in `init`) to
/// `mosquitto_destroy` (in `deinit`). libmosquitto copies every string, payload and property list
/// passed to it, so no Swift buffer outlives a call; what callbacks receive is copied before they
/// return. The network thread is joined before the handle is destroyed.
public final class MQTTClient: Sendable {
    /// The configuration the client was created with.
    public let configuration: MQTTConfiguration
    /// The messages received on all subscriptions (and queued in a resumed session), for a single
    /// consumer. Finishes after ``disconnect()``. See ``MQTTMessages`` for the delivery guarantee.
    public let messages: MQTTMessages

    private let handle: MosquittoHandle
    private let context: ClientContext
    /// Serialises the calls that block: the TCP connect and joining the network thread.
    private let executor: BlockingExecutor

    /// Creates a client; it does not connect yet.
    ///
    /// - Parameters:
    ///   - configuration: the broker, credentials, session and flow-control settings.
    ///   - logger: receives the client's events and libmosquitto's own log at debug and trace level.
    /// - Throws: ``MQTTError`` with ``MQTTError/Code/invalidArgument`` or ``MQTTError/Code/tls`` when
    ///   the configuration is unusable.
    public init(configuration: MQTTConfiguration, logger: Logger) throws {
        try configuration.validate()
        MosquittoLibrary.ensureInitialized()
        var logger = logger
        logger[metadataKey: LogKey.clientID] = "\(configuration.clientID)"
        let context = ClientContext(
            bufferCapacity: configuration.incomingBufferCapacity, logger: logger,
            protocolVersion: configuration.protocolVersion)
        // mosquitto_new copies the id; `obj` is handed back unchanged to every callback.
        guard
            let pointer = mosquitto_new(
                configuration.clientID, !configuration.persistentSession, Unmanaged.passUnretained(context).toOpaque())
        else {
            throw MQTTError(.library, "mosquitto_new failed", function: "mosquitto_new")
        }
        do {
            try Self.configure(pointer, configuration)
        } catch {
            mosquitto_destroy(pointer)
            throw error
        }
        MosquittoCallbacks.install(on: pointer)
        self.configuration = configuration
        self.context = context
        self.handle = MosquittoHandle(pointer: pointer)
        self.messages = MQTTMessages(buffer: context.buffer)
        self.executor = BlockingExecutor(label: "voltline.mqtt.\(configuration.clientID)")
    }

    deinit {
        // Normally disconnect() already did this; the network thread must be gone before the
        // handle is freed, since it uses both the handle and `context`.
        _ = context.close()
        Self.stopNetwork(handle, context, closing: true)
        mosquitto_destroy(handle.pointer)
    }

    /// The client's life-cycle state.
    public var connectionState: MQTTConnectionState { context.state.withLock { $0.phase } }

    /// Whether the broker currently accepts this client's connection.
    public var isConnected: Bool { connectionState == .connected }

    /// How many times the client reconnected automatically after losing the connection.
    public var reconnectCount: Int { context.state.withLock { $0.reconnects } }

    /// Connects to the broker and waits until it accepts the connection.
    ///
    /// After this returns, dropped connections are re-established automatically.
    /// - Throws: ``MQTTError`` with ``MQTTError/Code/unreachable`` (lookup failed, connection
    ///   refused), ``MQTTError/Code/notAuthorized`` or ``MQTTError/Code/connectionRefused`` (CONNACK
    ///   refused), ``MQTTError/Code/timeout`` after ``MQTTConfiguration/connectTimeout``, or
    ///   ``MQTTError/Code/alreadyConnected``; `CancellationError` when the task is cancelled.
    ///   After a failure `connect()` may be called again.
    public func connect() async throws {
        try Task.checkCancellation()
        var timer: Task<Void, Never>?
        defer { timer?.cancel() }
        do {
            try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                    let attempt: Int
                    do {
                        attempt = try context.beginConnect(continuation)
                    } catch {
                        continuation.resume(throwing: error)
                        return
                    }
                    timer = Task { [context, timeout = configuration.connectTimeout] in
                        guard (try? await Task.sleep(for: timeout)) != nil else { return }
                        context.failConnect(
                            attempt: attempt, with: MQTTError(.timeout, "no CONNACK within \(timeout)"))
                    }
                    // Not awaited: a TCP connect to a silent host blocks far longer than the timeout.
                    Task { await executor.run { self.openNetwork(attempt: attempt) } }
                }
            } onCancel: {
                context.failConnect(attempt: nil, with: CancellationError())
            }
        } catch let error as MQTTError where error.code == .alreadyConnected {
            throw error
        } catch {
            // Stop libmosquitto retrying in the background; queued behind the connect on the executor.
            Task { await executor.run { Self.stopNetwork(self.handle, self.context, closing: false) } }
            throw error
        }
    }

    /// Subscribes to a topic filter and waits for the broker's SUBACK.
    ///
    /// The subscription is renewed automatically after a reconnect that lost the session.
    /// Shared subscriptions (`$share/group/filter`) spread messages over the group's members.
    /// - Parameters:
    ///   - filter: a topic filter; `+` and `#` wildcards are allowed.
    ///   - qos: the highest QoS the broker should deliver with.
    /// - Returns: the QoS the broker granted, which may be lower than requested.
    /// - Throws: ``MQTTError`` with ``MQTTError/Code/invalidTopic``, ``MQTTError/Code/notConnected``,
    ///   ``MQTTError/Code/subscriptionRejected`` (SUBACK failure code) or
    ///   ``MQTTError/Code/connectionLost``.
    @discardableResult
    public func subscribe(to filter: String, qos: MQTTQoS = .atLeastOnce) async throws -> MQTTQoS {
        try Self.validate(filter: filter)
        return try await request("mosquitto_subscribe_v5", { .subscribe(filter: filter, qos: qos, $0) }) { mid in
            mosquitto_subscribe_v5(handle.pointer, &mid, filter, Int32(qos.rawValue), 0, nil)
        }
    }

    /// Removes a subscription and waits for the broker's UNSUBACK.
    /// - Throws: ``MQTTError`` with ``MQTTError/Code/invalidTopic``, ``MQTTError/Code/notConnected``
    ///   or ``MQTTError/Code/connectionLost``.
    public func unsubscribe(from filter: String) async throws {
        try Self.validate(filter: filter)
        // Forget it first so that a reconnect meanwhile does not renew it.
        context.state.withLock { _ = $0.subscriptions.removeValue(forKey: filter) }
        try await request("mosquitto_unsubscribe_v5", { .unsubscribe($0) }) { mid in
            mosquitto_unsubscribe_v5(handle.pointer, &mid, filter, nil)
        }
    }

    /// Publishes a message.
    ///
    /// With QoS 0, or when `awaitAcknowledgement` is `false`, this returns once libmosquitto has
    /// queued the message (the fast path for high-volume telemetry). Otherwise it waits for PUBACK
    /// (QoS 1) or PUBCOMP (QoS 2); while the connection is down, QoS 1 and 2 messages wait in
    /// libmosquitto and are sent after the reconnect.
    /// - Parameters:
    ///   - topic: the topic name; wildcards are not allowed.
    ///   - payload: at most ``MQTTConfiguration/maximumPayloadSize`` bytes.
    ///   - qos: the delivery guarantee.
    ///   - retain: whether the broker keeps the message for future subscribers.
    ///   - awaitAcknowledgement: whether to wait for the broker's acknowledgement.
    /// - Throws: ``MQTTError`` with ``MQTTError/Code/invalidTopic``, ``MQTTError/Code/payloadTooLarge``,
    ///   ``MQTTError/Code/notConnected`` or ``MQTTError/Code/publishRejected`` (PUBACK failure code).
    public func publish(
        topic: String, payload: [UInt8], qos: MQTTQoS = .atLeastOnce, retain: Bool = false,
        awaitAcknowledgement: Bool = true
    ) async throws {
        try Self.validate(topic: topic)
        guard payload.count <= configuration.maximumPayloadSize else {
            throw MQTTError(
                .payloadTooLarge, "payload of \(payload.count) bytes exceeds \(configuration.maximumPayloadSize)")
        }
        let send = { (mid: inout Int32) -> Int32 in
            payload.withUnsafeBytes { bytes in
                mosquitto_publish_v5(
                    self.handle.pointer, &mid, topic, Int32(bytes.count), bytes.baseAddress, Int32(qos.rawValue),
                    retain, nil)
            }
        }
        if qos == .atMostOnce || !awaitAcknowledgement {
            // Nobody waits for the acknowledgement, so its callback finds no entry and is ignored.
            try context.state.withLock { state throws(MQTTError) in try state.checkSession() }
            var mid: Int32 = 0
            let rc = send(&mid)
            guard MosquittoLibrary.succeeded(rc) else { throw MQTTError.mosquitto(rc, function: "mosquitto_publish_v5") }
        } else {
            try await request("mosquitto_publish_v5", { .publish($0) }, send: send)
        }
    }

    /// Disconnects cleanly (DISCONNECT), stops the network thread and finishes ``messages`` once
    /// its buffered messages are consumed. Requests still waiting fail with
    /// ``MQTTError/Code/notConnected``. The client cannot connect again.
    public func disconnect() async {
        _ = context.close()
        await executor.run { Self.stopNetwork(self.handle, self.context, closing: true) }
    }

    // MARK: Internals

    /// Sends a request and registers its continuation under the message id in one critical
    /// section, so the acknowledgement (handled on the network thread under the same lock) can
    /// never arrive before its continuation is known. Safe from deadlock because the callbacks
    /// take this lock without holding any libmosquitto lock the `send` call needs.
    private func request<T: Sendable>(
        _ function: String, _ pending: (CheckedContinuation<T, any Error>) -> ClientContext.Pending,
        send: (inout Int32) -> Int32
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            do {
                try context.state.withLock { state throws(MQTTError) in
                    try state.checkSession()
                    var mid: Int32 = 0
                    let rc = send(&mid)
                    guard MosquittoLibrary.succeeded(rc) else { throw MQTTError.mosquitto(rc, function: function) }
                    state.pending[mid] = pending(continuation)
                }
            } catch {
                continuation.resume(throwing: error)
            }
        }
    }

    /// Runs on the executor: the blocking TCP connect and CONNECT, then the network thread.
    private func openNetwork(attempt: Int) {
        guard context.networkStarting(attempt: attempt) else { return }
        // The property list is copied by libmosquitto and reused for its automatic reconnects.
        var properties: OpaquePointer?
        defer { mosquitto_property_free_all(&properties) }
        if configuration.protocolVersion == .v5 && configuration.persistentSession {
            let rc = mosquitto_property_add_int32(
                &properties, Int32(MQTT_PROP_SESSION_EXPIRY_INTERVAL.rawValue),
                configuration.sessionExpiry.wholeSeconds())
            guard MosquittoLibrary.succeeded(rc) else {
                return context.failConnect(
                    attempt: attempt, with: MQTTError.mosquitto(rc, function: "mosquitto_property_add_int32"))
            }
        }
        let rc = mosquitto_connect_bind_v5(
            handle.pointer, configuration.host, Int32(configuration.port),
            Int32(configuration.keepAlive.wholeSeconds(minimum: 5)), nil, properties)
        guard MosquittoLibrary.succeeded(rc) else {
            let systemError = errno
            return context.failConnect(
                attempt: attempt,
                with: MQTTError.mosquitto(rc, function: "mosquitto_connect_bind_v5", systemError: systemError))
        }
        let loopRC = mosquitto_loop_start(handle.pointer)
        guard MosquittoLibrary.succeeded(loopRC) else {
            mosquitto_disconnect_v5(handle.pointer, 0, nil)
            return context.failConnect(attempt: attempt, with: MQTTError.mosquitto(loopRC, function: "mosquitto_loop_start"))
        }
        if !context.loopStarted(attempt: attempt) {
            Self.stopNetwork(handle, context, closing: false)
        }
    }

    /// Sends DISCONNECT and joins the network thread; blocks, so it runs on the executor or in `deinit`.
    ///
    /// - Parameter closing: also finish ``messages``. This must precede the join when closing:
    ///   a network thread blocked on a full buffer would otherwise never return.
    private static func stopNetwork(_ handle: MosquittoHandle, _ context: ClientContext, closing: Bool) {
        // Also moves libmosquitto to "disconnecting", which ends its reconnect loop.
        mosquitto_disconnect_v5(handle.pointer, 0, nil)
        if closing { context.buffer.finish() }
        if context.loopStopped() {
            mosquitto_loop_stop(handle.pointer, false)
        }
    }

    /// Applies the configuration to a fresh handle.
    private static func configure(_ pointer: OpaquePointer, _ configuration: MQTTConfiguration) throws(MQTTError) {
        func check(_ rc: Int32, _ function: String) throws(MQTTError) {
            guard MosquittoLibrary.succeeded(rc) else { throw MQTTError.mosquitto(rc, function: function) }
        }
        let version = configuration.protocolVersion == .v5 ? MQTT_PROTOCOL_V5 : MQTT_PROTOCOL_V311
        try check(mosquitto_int_option(pointer, MOSQ_OPT_PROTOCOL_VERSION, version), "mosquitto_int_option")
        try check(
            mosquitto_int_option(pointer, MOSQ_OPT_SEND_MAXIMUM, Int32(configuration.maxInflightMessages)),
            "mosquitto_int_option")
        // Small packets (PUBACKs, telemetry) should not wait for Nagle's algorithm.
        try check(mosquitto_int_option(pointer, MOSQ_OPT_TCP_NODELAY, 1), "mosquitto_int_option")
        let backoff = configuration.reconnectBackoff
        try check(
            mosquitto_reconnect_delay_set(
                pointer, backoff.minimumDelay.wholeSeconds(minimum: 1), backoff.maximumDelay.wholeSeconds(minimum: 1),
                backoff.exponential),
            "mosquitto_reconnect_delay_set")
        if let username = configuration.username {
            try check(
                mosquitto_username_pw_set(pointer, username, configuration.password), "mosquitto_username_pw_set")
        }
        if let tls = configuration.tls {
            try check(
                mosquitto_tls_set(pointer, tls.caFile, nil, tls.certificateFile, tls.keyFile, nil), "mosquitto_tls_set")
            try check(mosquitto_tls_insecure_set(pointer, tls.insecure), "mosquitto_tls_insecure_set")
        }
    }
}
