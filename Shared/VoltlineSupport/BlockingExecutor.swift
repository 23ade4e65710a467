import Dispatch

/// Runs blocking C calls (libpq round trips, `rd_kafka_flush`, commits) on a serial dispatch queue
/// of its own, so they never block Swift's cooperative thread pool.
///
/// Calls run one at a time in submission order, which is also what a single C handle
/// (a `PGconn`, a consumer's commit) needs.
public struct BlockingExecutor: Sendable {
    private let queue: DispatchQueue

    /// Creates an executor with its own serial queue.
    /// - Parameter label: the queue's label, shown in debuggers and crash reports.
    public init(label: String) {
        queue = DispatchQueue(label: label)
    }

    /// Runs `body` on the executor's queue and returns its result.
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body() })
            }
        }
    }

    /// Runs a non-throwing `body` on the executor's queue and returns its result.
    public func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: body())
            }
        }
    }
}
