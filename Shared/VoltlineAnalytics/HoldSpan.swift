/// The stretch of a window during which one sample's value holds (zero-order hold): from the sample's
/// time until the next sample, or at most `maxHoldMillis`, clipped to the window.
struct HoldSpan<Sample: TimedSample> {
    /// The held sample (possibly from before the window).
    let sample: Sample
    /// The sample that ends the hold, when it came within the maximum hold time.
    let successor: Sample?
    /// How long the value holds inside the window, in ms.
    let overlapMillis: Int64
    /// How long the value holds in total, in ms; `overlapMillis / spanMillis` apportions counter increments.
    let spanMillis: Int64

    /// The held duration inside the window in hours.
    var overlapHours: Double { Double(overlapMillis) / 3_600_000 }

    /// The share of the whole hold that lies inside the window.
    var fractionInside: Double { Double(overlapMillis) / Double(spanMillis) }
}
