import Synchronization

/// Detects a receive loop that stopped making progress (lost messages) and ends it.
///
/// The receiver calls ``advance(to:)``; ``watch(stallLimit:onStall:)`` runs beside it and calls `onStall` once
/// the count has not moved for `stallLimit`, which should close the client so the receive loop ends.
final class ProgressWatchdog: Sendable {
    private let count = Atomic<Int>(0)

    /// Records how many items have arrived so far.
    func advance(to received: Int) {
        count.store(received, ordering: .relaxed)
    }

    /// Polls the count until cancelled; calls `onStall` when it stood still for `stallLimit`.
    func watch(stallLimit: Duration, onStall: @Sendable () async -> Void) async {
        var last = -1
        var lastChange = ContinuousClock.now
        while !Task.isCancelled {
            guard (try? await Task.sleep(for: .milliseconds(250))) != nil else { return }
            let current = count.load(ordering: .relaxed)
            if current != last {
                last = current
                lastChange = .now
            } else if ContinuousClock.now - lastChange > stallLimit {
                await onStall()
                return
            }
        }
    }
}

extension ProgressWatchdog {
    /// Counts what `nextBatch` delivers (the size of each batch, nil at the end) until `expected` items
    /// arrived, reporting progress so a stall stops the run.
    /// - Returns: how many arrived and when the last did.
    func count(upTo expected: Int, _ nextBatch: () async throws -> Int?) async throws -> (Int, ContinuousClock.Instant) {
        var received = 0
        while received < expected, let count = try await nextBatch() {
            received += count
            advance(to: received)
        }
        return (received, .now)
    }
}
