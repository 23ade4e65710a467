/// A window whose end the watermark has passed, with its neighbours for integrating across edges.
struct ClosedWindow<Sample: TimedSample> {
    /// The device the window belongs to.
    let deviceID: String
    /// The window's event-time range in ms, `start..<end`.
    let range: Range<Int64>
    /// The window's samples, sorted by event time, no two at the same time.
    let samples: [Sample]
    /// The last sample before the window (from the previous closed window), whose value holds into it.
    let previous: Sample?
    /// The first sample after the window, when already seen: it bounds the hold of the last sample.
    let next: Sample?

    /// Zero-order-hold spans of `previous` and `samples` inside the window; see ``HoldSpan``.
    func holdSpans(maxHoldMillis: Int64) -> [HoldSpan<Sample>] {
        let chain = (previous.map { [$0] } ?? []) + samples + (next.map { [$0] } ?? [])
        let heldCount = chain.count - (next == nil ? 0 : 1)
        var spans: [HoldSpan<Sample>] = []
        spans.reserveCapacity(heldCount)
        for index in 0..<heldCount {
            let sample = chain[index]
            let following = index + 1 < chain.count ? chain[index + 1] : nil
            let successor = following.flatMap { $0.timeMillis - sample.timeMillis <= maxHoldMillis ? $0 : nil }
            let holdEnd = successor?.timeMillis ?? sample.timeMillis + maxHoldMillis
            let overlap = min(holdEnd, range.upperBound) - max(sample.timeMillis, range.lowerBound)
            guard overlap > 0 else { continue }
            spans.append(
                HoldSpan(
                    sample: sample, successor: successor, overlapMillis: overlap,
                    spanMillis: holdEnd - sample.timeMillis))
        }
        return spans
    }
}

extension ClosedWindow {
    /// The same window over the samples that `transform` keeps (a pack's readings as pack samples, say).
    func compactMap<Other: TimedSample>(_ transform: (Sample) -> Other?) -> ClosedWindow<Other> {
        ClosedWindow<Other>(
            deviceID: deviceID, range: range, samples: samples.compactMap(transform),
            previous: previous.flatMap(transform), next: next.flatMap(transform))
    }
}
