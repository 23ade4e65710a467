/// The bookkeeping of a ``PostgresPool``: idle connections, slots in use, queued waiters.
///
/// Pure state machine: every method runs under the pool's lock and returns what to do; the pool resumes
/// continuations and closes connections after releasing the lock.
struct PoolState {
    /// What a caller receives.
    enum Lease: Sendable {
        /// An idle connection to reuse (check it before use).
        case connection(PostgresConnection)
        /// A reserved slot: the caller opens a new connection, or gives the slot back with ``releaseSlot()``.
        case open
    }

    /// A caller suspended until a connection or slot frees up.
    typealias Waiter = CheckedContinuation<Lease, any Error>

    /// The outcome of ``lease(id:continuation:)``.
    enum LeaseDecision {
        case ready(Lease)
        case queued
        case closed
        case cancelled
    }

    /// What to do after a connection or slot came back.
    enum ReleaseAction {
        case none
        case resume(Waiter, Lease)
        case close(PostgresConnection)
    }

    let maxConnections: Int
    private var idle: [PostgresConnection] = []
    /// Connections open, being opened or leased; never more than `maxConnections`.
    private var slots = 0
    private var waiters: [(id: Int, continuation: Waiter)] = []
    private var nextWaiterID = 0
    private var isClosed = false

    init(maxConnections: Int) {
        self.maxConnections = maxConnections
    }

    /// A new identifier for a waiter, so that cancellation can find it.
    mutating func makeWaiterID() -> Int {
        nextWaiterID += 1
        return nextWaiterID
    }

    /// Hands out an idle connection or a free slot, or queues `continuation`.
    mutating func lease(id: Int, continuation: Waiter, isCancelled: Bool) -> LeaseDecision {
        if isClosed { return .closed }
        if isCancelled { return .cancelled }
        if let connection = idle.popLast() { return .ready(.connection(connection)) }
        if slots < maxConnections {
            slots += 1
            return .ready(.open)
        }
        waiters.append((id, continuation))
        return .queued
    }

    /// Removes a cancelled waiter; `nil` when it was already resumed.
    mutating func cancelWaiter(id: Int) -> Waiter? {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return nil }
        return waiters.remove(at: index).continuation
    }

    /// Takes back a healthy connection.
    mutating func release(_ connection: PostgresConnection) -> ReleaseAction {
        if isClosed {
            slots -= 1
            return .close(connection)
        }
        if !waiters.isEmpty { return .resume(waiters.removeFirst().continuation, .connection(connection)) }
        idle.append(connection)
        return .none
    }

    /// Takes back a slot whose connection was discarded or never opened; a waiter inherits it.
    mutating func releaseSlot() -> ReleaseAction {
        if !isClosed && !waiters.isEmpty { return .resume(waiters.removeFirst().continuation, .open) }
        slots -= 1
        return .none
    }

    /// Marks the pool closed; returns the idle connections to close and the waiters to fail.
    mutating func close() -> (idle: [PostgresConnection], waiters: [Waiter]) {
        isClosed = true
        let closing = (idle, waiters.map(\.continuation))
        slots -= idle.count
        idle = []
        waiters = []
        return closing
    }
}
