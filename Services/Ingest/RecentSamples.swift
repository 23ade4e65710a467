import Synchronization

/// Remembers the last event times seen per device, to recognise a redelivered sample at the edge.
///
/// Bounded: a fixed number of times per device. The readings table's key (device, time) is the final
/// guard; this cache exists so that a duplicate is reported (dead letter + counter), not silently absorbed.
final class RecentSamples: Sendable {
    private struct Ring {
        var times: [Int64] = []
        var next = 0
    }

    private let perDevice: Int
    private let rings = Mutex<[String: Ring]>([:])

    init(perDevice: Int = 512) {
        self.perDevice = perDevice
    }

    /// Records the sample; `false` when the same device and time was already recorded.
    func insert(device: String, timeMillis: Int64) -> Bool {
        rings.withLock { rings in
            var ring = rings[device, default: Ring()]
            if ring.times.contains(timeMillis) { return false }
            if ring.times.count < perDevice {
                ring.times.append(timeMillis)
            } else {
                ring.times[ring.next] = timeMillis
                ring.next = (ring.next + 1) % perDevice
            }
            rings[device] = ring
            return true
        }
    }
}
