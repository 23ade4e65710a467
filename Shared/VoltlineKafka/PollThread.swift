import Foundation
import Synchronization

/// A dedicated thread that calls `iteration` until asked to stop, so that librdkafka's blocking
/// poll calls never run on Swift's cooperative thread pool.
///
/// The thread holds what `iteration` captures (the C handle) until it exits, so an owner can just
/// ``requestStop()`` in its `deinit` and the handle is released by the thread afterwards.
final class PollThread: Sendable {
    private struct State {
        var stopRequested = false
        var finished = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Starts the thread.
    /// - Parameters:
    ///   - name: the thread's name, shown in debuggers.
    ///   - iteration: one bounded poll (for example `rd_kafka_poll(rk, 100)`).
    init(name: String, iteration: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            while !state.withLock({ $0.stopRequested }) {
                iteration()
            }
            let waiters = state.withLock { state in
                state.finished = true
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume() }
        }
        thread.name = name
        thread.start()
    }

    /// Whether ``requestStop()`` was called.
    var isStopRequested: Bool { state.withLock { $0.stopRequested } }

    /// Asks the thread to stop after its current iteration, without waiting.
    func requestStop() {
        state.withLock { $0.stopRequested = true }
    }

    /// Asks the thread to stop and waits until it has.
    func stop() async {
        await withCheckedContinuation { continuation in
            let finished = state.withLock { state in
                state.stopRequested = true
                if !state.finished { state.waiters.append(continuation) }
                return state.finished
            }
            if finished { continuation.resume() }
        }
    }
}
