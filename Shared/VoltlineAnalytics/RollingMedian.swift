/// The last `capacity` values of a series with their median and median absolute deviation (MAD).
///
/// Keeps a ring buffer in arrival order and the same values sorted. Adding costs one binary search and
/// one shift of the sorted buffer (O(N) memmove, no allocation once full); the median is read
/// directly, the MAD by merging the deviations on both sides of the median outward (N/2 steps).
struct RollingMedian: Sendable {
    let capacity: Int
    private var ring: [Double] = []
    private var sorted: [Double] = []
    private var oldest = 0

    init(capacity: Int) {
        precondition(capacity > 0, "capacity must be positive")
        self.capacity = capacity
        ring.reserveCapacity(capacity)
        sorted.reserveCapacity(capacity)
    }

    /// Values held, up to ``capacity``.
    var count: Int { sorted.count }

    /// Adds a finite value, dropping the oldest when full.
    mutating func add(_ value: Double) {
        if ring.count < capacity {
            ring.append(value)
        } else {
            sorted.remove(at: lowerBound(ring[oldest]))
            ring[oldest] = value
            oldest = (oldest + 1) % capacity
        }
        sorted.insert(value, at: lowerBound(value))
    }

    /// The median; the series must not be empty.
    var median: Double {
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The median of `|x - median|`; the series must not be empty.
    func medianAbsoluteDeviation(around median: Double) -> Double {
        var left = lowerBound(median) - 1
        var right = left + 1
        var previous = 0.0
        var current = 0.0
        for _ in 0...(sorted.count / 2) {
            previous = current
            let leftDeviation = left >= 0 ? median - sorted[left] : .infinity
            let rightDeviation = right < sorted.count ? sorted[right] - median : .infinity
            if leftDeviation <= rightDeviation {
                current = leftDeviation
                left -= 1
            } else {
                current = rightDeviation
                right += 1
            }
        }
        return sorted.count % 2 == 1 ? current : (previous + current) / 2
    }

    /// The first index of `sorted` whose value is not less than `value`.
    private func lowerBound(_ value: Double) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
