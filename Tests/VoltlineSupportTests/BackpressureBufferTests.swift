import Foundation
import Testing
import VoltlineSupport

@Suite("BackpressureBuffer")
struct BackpressureBufferTests {
    @Test("delivers every element in order across a blocked producer thread")
    func deliversInOrderUnderBackpressure() async throws {
        let buffer = BackpressureBuffer<Int>(capacity: 4)
        let total = 10_000
        let producer = Thread {
            for value in 0..<total { buffer.push(value) }
            buffer.finish()
        }
        producer.start()
        var received: [Int] = []
        for try await value in buffer {
            #expect(buffer.count <= buffer.capacity)
            received.append(value)
        }
        #expect(received == Array(0..<total))
    }

    @Test("a full buffer blocks the producer until the consumer takes an element")
    func fullBufferBlocksProducer() async throws {
        let buffer = BackpressureBuffer<Int>(capacity: 2)
        let pushed = Counter()
        let producer = Thread {
            for value in 0..<3 {
                buffer.push(value)
                pushed.increment()
            }
        }
        producer.start()
        try await Task.sleep(for: .milliseconds(200))
        #expect(pushed.value == 2, "the third push must wait for room")
        var iterator = buffer.makeAsyncIterator()
        #expect(try await iterator.next() == 0)
        try await Task.sleep(for: .milliseconds(200))
        #expect(pushed.value == 3)
        buffer.finish()
    }

    @Test("finish with an error surfaces it after the buffered elements, and rejects later pushes")
    func finishWithError() async throws {
        struct Boom: Error {}
        let buffer = BackpressureBuffer<String>(capacity: 8)
        buffer.push("a")
        buffer.push("b")
        buffer.finish(throwing: Boom())
        #expect(buffer.push("c") == false)
        var iterator = buffer.makeAsyncIterator()
        #expect(try await iterator.next() == "a")
        #expect(try await iterator.next() == "b")
        await #expect(throws: Boom.self) { try await iterator.next() }
    }

    @Test("cancelling a waiting consumer ends its wait with CancellationError")
    func cancellation() async throws {
        let buffer = BackpressureBuffer<Int>(capacity: 1)
        let consumer = Task {
            var iterator = buffer.makeAsyncIterator()
            return try await iterator.next()
        }
        try await Task.sleep(for: .milliseconds(50))
        consumer.cancel()
        await #expect(throws: CancellationError.self) { try await consumer.value }
    }
}

/// A thread-safe counter for observing the producer thread.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}

@Suite("BackpressureBuffer batches")
struct BackpressureBufferBatchTests {
    @Test("nextBatch waits for one element, then takes what is buffered up to the limit, in order")
    func batches() async throws {
        let buffer = BackpressureBuffer<Int>(capacity: 10)
        for value in 0..<7 { buffer.push(value) }
        #expect(try await buffer.nextBatch(limit: 5) == [0, 1, 2, 3, 4])
        #expect(try await buffer.nextBatch(limit: 5) == [5, 6])
        let waiting = Task { try await buffer.nextBatch(limit: 5) }
        try await Task.sleep(for: .milliseconds(50))
        buffer.push(7)
        #expect(try await waiting.value == [7])
        buffer.finish()
        #expect(try await buffer.nextBatch(limit: 5) == nil)
    }
}
