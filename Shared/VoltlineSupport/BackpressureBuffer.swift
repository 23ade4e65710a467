import Foundation

/// A bounded FIFO between a C library's own thread and an async consumer.
///
/// The producer side (``push(_:)``) runs on a thread owned by a C library (mosquitto's network loop,
/// a librdkafka poll thread) and *blocks* while the buffer is full. Blocking that thread is the
/// point: it stops the library from reading more from the network, so the broker keeps the backlog
/// (mosquitto's persistent session, Kafka's log) instead of this process dropping or hoarding it.
///
/// The consumer side is an `AsyncSequence` with a single consumer. ``finish(throwing:)`` ends the
/// sequence after the buffered elements have been drained and wakes a blocked producer.
public final class BackpressureBuffer<Element: Sendable>: @unchecked Sendable {
    // @unchecked: every stored property below is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private var elements: [Element] = []
    private var head = 0
    private var waiter: CheckedContinuation<Element?, any Error>?
    private var finished = false
    private var failure: (any Error)?

    /// The most elements held before ``push(_:)`` blocks.
    public let capacity: Int

    /// Creates an empty buffer.
    /// - Parameter capacity: the most elements held before ``push(_:)`` blocks; at least 1.
    public init(capacity: Int) {
        precondition(capacity >= 1, "capacity must be at least 1")
        self.capacity = capacity
    }

    /// The number of elements waiting for the consumer.
    public var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return elements.count - head
    }

    /// Hands one element to the consumer, blocking the calling thread while the buffer is full.
    ///
    /// Never call this from a Swift concurrency task: it blocks its thread.
    /// - Returns: `false` when the buffer was finished and the element was not taken.
    @discardableResult
    public func push(_ element: Element) -> Bool {
        condition.lock()
        while !finished && waiter == nil && elements.count - head >= capacity {
            condition.wait()
        }
        if finished {
            condition.unlock()
            return false
        }
        if let waiter {
            self.waiter = nil
            condition.unlock()
            waiter.resume(returning: element)
            return true
        }
        elements.append(element)
        condition.unlock()
        return true
    }

    /// Ends the sequence once the buffered elements are consumed; with an error, the consumer sees
    /// it after those elements. Later calls are ignored. Wakes a producer blocked in ``push(_:)``.
    public func finish(throwing error: (any Error)? = nil) {
        condition.lock()
        guard !finished else {
            condition.unlock()
            return
        }
        finished = true
        failure = error
        let waiter = self.waiter
        self.waiter = nil
        condition.broadcast()
        condition.unlock()
        if let waiter {
            if let error { waiter.resume(throwing: error) } else { waiter.resume(returning: nil) }
        }
    }

    /// Up to `limit` elements: waits for the first like ``next()``, then takes whatever else is already
    /// buffered without waiting. `nil` after ``finish(throwing:)`` once the buffer is drained.
    public func nextBatch(limit: Int) async throws -> [Element]? {
        precondition(limit >= 1, "limit must be at least 1")
        guard let first = try await next() else { return nil }
        return [first] + takeBuffered(limit: limit - 1)
    }

    /// Takes up to `limit` already-buffered elements without waiting, and wakes a blocked producer.
    private func takeBuffered(limit: Int) -> [Element] {
        condition.lock()
        defer { condition.unlock() }
        let take = Swift.min(limit, elements.count - head)
        let batch = Array(elements[head..<head + take])
        head += take
        if head == elements.count {
            elements.removeAll(keepingCapacity: true)
            head = 0
        }
        if take > 0 { condition.broadcast() }
        return batch
    }

    /// The next element, suspending while the buffer is empty; `nil` after ``finish(throwing:)``.
    func next() async throws -> Element? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Element?, any Error>) in
                condition.lock()
                if head < elements.count {
                    let element = elements[head]
                    head += 1
                    if head >= 1024 && head * 2 >= elements.count {
                        elements.removeFirst(head)
                        head = 0
                    }
                    condition.signal()
                    condition.unlock()
                    continuation.resume(returning: element)
                } else if finished {
                    let failure = self.failure
                    self.failure = nil
                    condition.unlock()
                    if let failure { continuation.resume(throwing: failure) } else { continuation.resume(returning: nil) }
                } else if Task.isCancelled {
                    condition.unlock()
                    continuation.resume(throwing: CancellationError())
                } else {
                    precondition(waiter == nil, "BackpressureBuffer supports a single consumer")
                    waiter = continuation
                    // A producer may be waiting for room only when the buffer is full, and then it is not empty.
                    condition.unlock()
                }
            }
        } onCancel: {
            condition.lock()
            let waiter = self.waiter
            self.waiter = nil
            condition.unlock()
            waiter?.resume(throwing: CancellationError())
        }
    }
}

extension BackpressureBuffer: AsyncSequence {
    /// Iterates the buffer; there must be only one iterator at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let buffer: BackpressureBuffer<Element>
        public mutating func next() async throws -> Element? { try await buffer.next() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(buffer: self) }
}
