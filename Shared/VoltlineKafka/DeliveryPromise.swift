import Synchronization

/// The outcome of one ``KafkaProducer/send(topic:key:value:headers:)``, fulfilled from librdkafka's
/// delivery report callback and awaited by the sender; whichever comes first waits for the other.
final class DeliveryPromise: Sendable {
    private enum State {
        case pending
        case waiting(CheckedContinuation<KafkaDeliveryReport, any Error>)
        case done(Result<KafkaDeliveryReport, KafkaError>)
    }

    private let state = Mutex(State.pending)

    /// Records the outcome and wakes the sender if it is already waiting.
    func fulfill(_ result: Result<KafkaDeliveryReport, KafkaError>) {
        let waiter: CheckedContinuation<KafkaDeliveryReport, any Error>? = state.withLock { state in
            switch state {
            case .pending:
                state = .done(result)
                return nil
            case .waiting(let continuation):
                state = .done(result)
                return continuation
            case .done:
                return nil
            }
        }
        waiter?.resume(with: result.mapError { $0 })
    }

    /// The outcome, suspending until the delivery report arrives.
    var value: KafkaDeliveryReport {
        get async throws {
            try await withCheckedThrowingContinuation { continuation in
                let ready: Result<KafkaDeliveryReport, KafkaError>? = state.withLock { state in
                    if case .done(let result) = state { return result }
                    state = .waiting(continuation)
                    return nil
                }
                if let ready { continuation.resume(with: ready.mapError { $0 }) }
            }
        }
    }
}
