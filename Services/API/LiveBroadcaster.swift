import Metrics
import Synchronization

/// Fans live frames out to every connected WebSocket client.
///
/// Each client has its own bounded buffer (``capacity`` frames) that keeps the newest frames: a client that
/// reads too slowly loses its oldest frames, counted in `voltline_api_live_frames_dropped_total`, and never
/// slows the follower or the other clients. Filtering by subscription happens here, before buffering.
final class LiveBroadcaster: Sendable {
    /// A connected client.
    private struct Client {
        var subscription: LiveSubscription
        let continuation: AsyncStream<LiveFrame>.Continuation
    }

    /// Frames buffered per client.
    let capacity: Int
    private let clients = Mutex<[UInt64: Client]>([:])
    private let nextID = Atomic<UInt64>(0)
    private let droppedTotal = Atomic<Int>(0)
    private let droppedCounter = Counter(label: "voltline_api_live_frames_dropped_total")
    private let sentCounter = Counter(label: "voltline_api_live_frames_total")
    private let clientsGauge = Gauge(label: "voltline_api_live_clients")

    /// Creates a broadcaster with `capacity` frames of buffer per client.
    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Frames dropped from slow clients' buffers since start.
    var droppedFrames: Int { droppedTotal.load(ordering: .relaxed) }

    /// Connected clients.
    var clientCount: Int { clients.withLock { $0.count } }

    /// Registers a client that receives everything until it subscribes.
    /// - Returns: its id and its frames; call ``disconnect(_:)`` when it goes.
    func connect() -> (id: UInt64, frames: AsyncStream<LiveFrame>) {
        let id = nextID.add(1, ordering: .relaxed).newValue
        let (frames, continuation) = AsyncStream.makeStream(
            of: LiveFrame.self, bufferingPolicy: .bufferingNewest(capacity))
        let count = clients.withLock {
            $0[id] = Client(subscription: .all, continuation: continuation)
            return $0.count
        }
        clientsGauge.record(count)
        return (id, frames)
    }

    /// Replaces a client's filter.
    func subscribe(_ id: UInt64, to subscription: LiveSubscription) {
        clients.withLock { $0[id]?.subscription = subscription }
    }

    /// Removes a client and ends its frames.
    func disconnect(_ id: UInt64) {
        let (client, count) = clients.withLock { ($0.removeValue(forKey: id), $0.count) }
        client?.continuation.finish()
        clientsGauge.record(count)
    }

    /// Queues `frame` for every client whose subscription matches it.
    func publish(_ frame: LiveFrame) {
        let receivers = clients.withLock { clients in
            clients.values.filter { $0.subscription.matches(frame) }.map(\.continuation)
        }
        for continuation in receivers {
            if case .dropped = continuation.yield(frame) {
                droppedTotal.add(1, ordering: .relaxed)
                droppedCounter.increment()
            }
        }
        sentCounter.increment(by: receivers.count)
    }
}
