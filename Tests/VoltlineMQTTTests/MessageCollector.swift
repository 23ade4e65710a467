import Synchronization
import VoltlineTestSupport
import VoltlineMQTT

/// Drains a client's ``MQTTMessages`` in a background task so tests can wait for conditions.
final class MessageCollector: Sendable {
    struct Timeout: Error, CustomStringConvertible {
        let description: String
    }

    /// The messages, in a class of their own because the draining task shares them and `Mutex`
    /// cannot be copied.
    private final class Received: Sendable {
        let messages = Mutex<[MQTTMessage]>([])
    }

    private let received = Received()
    private let task: Task<Void, any Error>

    init(_ messages: MQTTMessages) {
        let received = received
        task = Task {
            for try await message in messages {
                received.messages.withLock { $0.append(message) }
            }
        }
    }

    deinit { task.cancel() }

    /// The messages received so far, in order.
    var messages: [MQTTMessage] { received.messages.withLock { $0 } }

    /// The payloads received so far, decoded as UTF-8 text.
    var texts: [String] { messages.map { String(decoding: $0.payload, as: UTF8.self) } }

    /// Waits until `condition` holds for the received messages.
    func wait(
        timeout: Duration = .seconds(30), _ what: String = "messages", until condition: ([MQTTMessage]) -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while !received.messages.withLock({ condition($0) }) {
            guard ContinuousClock.now < deadline else {
                throw Timeout(description: "timed out waiting for \(what); have \(messages.count)")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Waits until at least `count` messages arrived.
    func wait(forCount count: Int, timeout: Duration = .seconds(30)) async throws {
        try await wait(timeout: timeout, "\(count) messages") { $0.count >= count }
    }

    /// Waits until the sequence ended (after the client disconnected), rethrowing its error.
    func finished() async throws {
        try await task.value
    }
}
