import Synchronization
import VoltlineDomain

/// The gateway's bounded in-memory buffer of readings not yet acknowledged by the broker, oldest first.
///
/// Like a real gateway's buffer it rides out broker outages up to ``capacity`` readings; beyond that it
/// drops the oldest (the newest tell more about the present, and very old data is refused by ingest
/// anyway) and counts them.
final class ReadingQueue: Sendable {
    /// The most readings held.
    let capacity: Int
    private let state: Mutex<State>

    private struct State {
        var readings: [Reading] = []
        /// Index of the oldest reading in `readings`; the consumed prefix is compacted lazily.
        var head = 0
        var count: Int { readings.count - head }

        /// Drops the oldest readings beyond `capacity`; returns how many.
        mutating func trim(to capacity: Int) -> Int {
            let excess = max(0, count - capacity)
            head += excess
            if head > 1024 && head * 2 > readings.count {
                readings.removeFirst(head)
                head = 0
            }
            return excess
        }
    }

    /// Creates an empty queue.
    init(capacity: Int) {
        precondition(capacity > 0, "the capacity must be positive")
        self.capacity = capacity
        state = Mutex(State())
    }

    /// Readings waiting.
    var count: Int { state.withLock { $0.count } }

    /// Appends `readings` after the others.
    /// - Returns: how many of the oldest readings were dropped to stay within ``capacity``.
    func append(_ readings: [Reading]) -> Int {
        state.withLock { state in
            state.readings.append(contentsOf: readings)
            return state.trim(to: capacity)
        }
    }

    /// Removes and returns up to `limit` of the oldest readings.
    func take(upTo limit: Int) -> [Reading] {
        state.withLock { state in
            let end = state.head + min(limit, state.count)
            let taken = Array(state.readings[state.head..<end])
            state.head = end
            _ = state.trim(to: capacity)
            return taken
        }
    }

    /// Puts readings taken by ``take(upTo:)`` back in front, after a failed publish.
    /// - Returns: how many of the oldest readings were dropped to stay within ``capacity``.
    func putBack(_ readings: [Reading]) -> Int {
        state.withLock { state in
            state.readings.replaceSubrange(state.head..<state.head, with: readings)
            return state.trim(to: capacity)
        }
    }
}
