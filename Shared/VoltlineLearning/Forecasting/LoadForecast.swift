/// A forecast of energy per interval from one origin, with a prediction interval around each value.
public struct LoadForecast: Sendable, Hashable, Codable {
    /// One forecast interval.
    public struct Point: Sendable, Hashable, Codable {
        /// Start of the interval, seconds since the epoch (the series' clock).
        public var timeSeconds: Int64
        /// Intervals after the origin, from 1.
        public var horizon: Int
        /// The forecast energy.
        public var value: Double
        /// Lower and upper bounds of the prediction interval (``LoadForecast/coverage`` of outcomes).
        public var lower: Double
        public var upper: Double
    }

    /// The forecast was made at the start of this interval, seconds since the epoch; earlier values were known.
    public var originSeconds: Int64
    /// Nominal share of actual values inside `lower...upper`, e.g. 0.9.
    public var coverage: Double
    /// The forecast intervals, in time order.
    public var points: [Point]

    /// The forecast values, in time order.
    public var values: [Double] { points.map(\.value) }
}
