/// A variable load: currents held for given durations, repeated.
public struct LoadProfile: Sendable, Hashable {
    /// One segment: a current in A (positive charging) held for `seconds`.
    public struct Segment: Sendable, Hashable {
        public var seconds: Double
        public var currentA: Double

        /// Creates a segment.
        public init(seconds: Double, currentA: Double) {
            self.seconds = seconds
            self.currentA = currentA
        }
    }

    /// The segments in order.
    public var segments: [Segment]
    private let periodSeconds: Double

    /// Creates a profile.
    /// - Parameter segments: at least one segment of positive length.
    public init(segments: [Segment]) {
        precondition(!segments.isEmpty && segments.allSatisfy { $0.seconds > 0 }, "a load profile needs segments")
        self.segments = segments
        periodSeconds = segments.reduce(0) { $0 + $1.seconds }
    }

    /// The current at `seconds` into the profile (it repeats).
    public func current(atSeconds seconds: Double) -> Double {
        var t = seconds.truncatingRemainder(dividingBy: periodSeconds)
        for segment in segments {
            if t < segment.seconds { return segment.currentA }
            t -= segment.seconds
        }
        return segments[segments.count - 1].currentA
    }
}
