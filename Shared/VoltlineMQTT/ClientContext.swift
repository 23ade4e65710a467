import Logging
import Synchronization
import VoltlineSupport

/// The state of one ``MQTTClient`` shared between its async API and libmosquitto's network thread.
///
/// libmosquitto's callbacks reach this object through `obj` (`Unmanaged.passUnretained`). It is a
/// separate object from ``MQTTClient`` so that a callback never holds the last reference to the
/// client: the client's `deinit` stops the network thread before this context can go away.
/// Callbacks only update state under the mutex and resume continuations or push messages; side
/// effects (resuming, logging) run after the lock is released.
final class ClientContext: Sendable {
    /// A request waiting for the broker's acknowledgement, keyed by its message id.
    enum Pending {
        case publish(CheckedContinuation<Void, any Error>)
        case subscribe(filter: String, qos: MQTTQoS, CheckedContinuation<MQTTQoS, any Error>)
        case unsubscribe(CheckedContinuation<Void, any Error>)
        /// A subscription renewed after a reconnect; nobody awaits it.
        case resubscribe(filter: String)
    }

    struct ConnectWaiter {
        let attempt: Int
        let continuation: CheckedContinuation<Void, any Error>
    }

    struct State {
        var phase: MQTTConnectionState = .idle
        var attempts = 0
        /// The connect attempt whose libmosquitto connection is live; CONNACKs belong to it.
        var networkAttempt: Int?
        var connectWaiter: ConnectWaiter?
        var loopRunning = false
        var pending: [Int32: Pending] = [:]
        /// Acknowledged subscriptions, renewed after a reconnect without a session.
        var subscriptions: [String: MQTTQoS] = [:]
        var reconnects = 0

        /// Throws unless the client has a session: connected, or reconnecting after a connection.
        func checkSession() throws(MQTTError) {
            switch phase {
            case .connected, .reconnecting: return
            case .idle: throw MQTTError(.notConnected, "not connected; call connect() first")
            case .connecting: throw MQTTError(.notConnected, "connect() has not finished")
            case .closed: throw MQTTError(.notConnected, "client disconnected")
            }
        }
    }

    let state = Mutex(State())
    let buffer: BackpressureBuffer<MQTTMessage>
    let logger: Logger
    let protocolVersion: MQTTConfiguration.ProtocolVersion

    init(bufferCapacity: Int, logger: Logger, protocolVersion: MQTTConfiguration.ProtocolVersion) {
        buffer = BackpressureBuffer(capacity: bufferCapacity)
        self.logger = logger
        self.protocolVersion = protocolVersion
    }

    // MARK: Connecting (caller side)

    /// Registers `continuation` as the waiter of a new connect attempt and returns the attempt.
    func beginConnect(_ continuation: CheckedContinuation<Void, any Error>) throws(MQTTError) -> Int {
        try state.withLock { state throws(MQTTError) in
            switch state.phase {
            case .idle:
                state.attempts += 1
                state.phase = .connecting
                state.connectWaiter = ConnectWaiter(attempt: state.attempts, continuation: continuation)
                return state.attempts
            case .connecting, .connected, .reconnecting:
                throw MQTTError(.alreadyConnected, "connect() called while \(state.phase)")
            case .closed:
                throw MQTTError(.notConnected, "client was disconnected; create a new client")
            }
        }
    }

    /// Called on the executor before the blocking connect: `false` if the attempt already ended.
    func networkStarting(attempt: Int) -> Bool {
        state.withLock { state in
            guard state.connectWaiter?.attempt == attempt else { return false }
            state.networkAttempt = attempt
            return true
        }
    }

    /// Records that the network thread runs; `false` if the attempt ended meanwhile (timeout,
    /// cancellation, disconnect), so the caller must stop the network again.
    func loopStarted(attempt: Int) -> Bool {
        state.withLock { state in
            state.loopRunning = true
            return state.connectWaiter?.attempt == attempt || state.phase == .connected
        }
    }

    /// Records that the network thread was stopped; returns whether it was running.
    func loopStopped() -> Bool {
        state.withLock { state in
            defer {
                state.loopRunning = false
                state.networkAttempt = nil
            }
            return state.loopRunning
        }
    }

    /// Ends connect attempt `attempt` with `error`, unless it already ended.
    func failConnect(attempt: Int?, with error: any Error) {
        let waiter = state.withLock { state -> ConnectWaiter? in
            guard let waiter = state.connectWaiter, attempt == nil || waiter.attempt == attempt else { return nil }
            state.connectWaiter = nil
            state.phase = .idle
            return waiter
        }
        waiter?.continuation.resume(throwing: error)
    }

    /// Closes the client for good: fails every waiter and returns whether the network thread runs.
    func close() -> Bool {
        let (waiter, pending, loopRunning) = state.withLock { state in
            defer {
                state.phase = .closed
                state.connectWaiter = nil
                state.pending = [:]
            }
            return (state.connectWaiter, state.pending, state.loopRunning)
        }
        let error = MQTTError(.notConnected, "client disconnected")
        waiter?.continuation.resume(throwing: error)
        for request in pending.values { request.fail(with: error) }
        return loopRunning
    }

    // MARK: Callbacks (network thread)

    /// Handles CONNACK; returns the subscriptions to renew (after a reconnect without a session).
    func connectAcknowledged(reasonCode: Int32, sessionPresent: Bool) -> [String: MQTTQoS] {
        guard reasonCode == 0 else {
            let error = MQTTError.connectionRefused(reasonCode, protocolVersion: protocolVersion)
            let waiter = state.withLock { state -> ConnectWaiter? in
                guard let waiter = state.connectWaiter, waiter.attempt == state.networkAttempt else { return nil }
                state.connectWaiter = nil
                state.phase = .idle
                return waiter
            }
            if let waiter {
                waiter.continuation.resume(throwing: error)
            } else {
                logger.warning("MQTT reconnect refused", metadata: [LogKey.error: "\(error)"])
            }
            return [:]
        }
        let (waiter, renew) = state.withLock { state -> (ConnectWaiter?, [String: MQTTQoS]) in
            switch state.phase {
            case .connecting:
                guard let waiter = state.connectWaiter, waiter.attempt == state.networkAttempt else { return (nil, [:]) }
                state.connectWaiter = nil
                state.phase = .connected
                return (waiter, [:])
            case .connected, .reconnecting:
                state.phase = .connected
                state.reconnects += 1
                return (nil, sessionPresent ? [:] : state.subscriptions)
            case .idle, .closed:
                return (nil, [:])
            }
        }
        waiter?.continuation.resume()
        if waiter == nil {
            logger.info("MQTT reconnected", metadata: [LogKey.sessionPresent: "\(sessionPresent)"])
        }
        return renew
    }

    /// Handles a lost or closed connection: requests whose acknowledgement cannot arrive any more
    /// fail; QoS 1 publications stay pending because libmosquitto resends them after reconnecting.
    func connectionLost(reasonCode: Int32) {
        // Only a connection that was up counts; a refused or abandoned connect attempt also ends here.
        let orphans = state.withLock { state -> [Pending]? in
            guard state.phase == .connected else { return nil }
            state.phase = .reconnecting
            let orphans = state.pending.filter { if case .publish = $0.value { false } else { true } }
            for mid in orphans.keys { state.pending[mid] = nil }
            return Array(orphans.values)
        }
        guard let orphans else { return }
        logger.info("MQTT connection lost; reconnecting", metadata: [LogKey.reasonCode: "\(reasonCode)"])
        let error = MQTTError(.connectionLost, "connection lost before the broker acknowledged")
        for request in orphans { request.fail(with: error) }
    }

    /// Resolves the request `mid` with a PUBACK, SUBACK or UNSUBACK reason code.
    func acknowledged(mid: Int32, reasonCode: Int32) {
        guard let request = state.withLock({ $0.pending.removeValue(forKey: mid) }) else { return }
        switch request {
        case .publish(let continuation):
            if reasonCode >= 0x80 {
                continuation.resume(throwing: MQTTError.rejected(.publishRejected, "PUBACK", reasonCode: reasonCode))
            } else {
                continuation.resume()
            }
        case .subscribe(let filter, let qos, let continuation):
            if reasonCode >= 0x80 {
                continuation.resume(
                    throwing: MQTTError.rejected(.subscriptionRejected, "SUBACK", reasonCode: reasonCode))
            } else {
                state.withLock { $0.subscriptions[filter] = qos }
                continuation.resume(returning: MQTTQoS(rawValue: Int(reasonCode)) ?? qos)
            }
        case .unsubscribe(let continuation):
            continuation.resume()
        case .resubscribe(let filter):
            if reasonCode >= 0x80 {
                logger.warning(
                    "MQTT resubscription rejected", metadata: [LogKey.filter: "\(filter)", LogKey.reasonCode: "\(reasonCode)"])
            }
        }
    }

    /// Hands a received message to the consumer, blocking the network thread while the buffer is full.
    func received(_ message: MQTTMessage) {
        if !buffer.push(message) {
            logger.debug("MQTT message dropped: client is disconnecting", metadata: [LogKey.topic: "\(message.topic)"])
        }
    }
}

extension ClientContext.Pending {
    func fail(with error: MQTTError) {
        switch self {
        case .publish(let continuation), .unsubscribe(let continuation): continuation.resume(throwing: error)
        case .subscribe(_, _, let continuation): continuation.resume(throwing: error)
        case .resubscribe: break
        }
    }
}
