/// Charge counted from sampled current: the Ah a segment moved, and the capacity a partial segment implies.
public enum CoulombCounter {
    /// Charge moved between consecutive samples, integrated with the trapezoidal rule, in Ah.
    ///
    /// Signed: charging current counts positive, discharging negative. Gaps longer than `maxGapSeconds`
    /// are skipped (the current during them is unknown).
    /// - Parameters:
    ///   - timeSeconds: sample times, ascending.
    ///   - currentA: current per sample (positive = charging).
    ///   - maxGapSeconds: the longest step that is still integrated.
    /// - Returns: cumulative Ah at each sample, starting at 0.
    public static func cumulativeAmpHours(
        timeSeconds: [Double], currentA: [Double], maxGapSeconds: Double = 600
    ) -> [Double] {
        guard !timeSeconds.isEmpty else { return [] }
        var cumulative = [Double](repeating: 0, count: timeSeconds.count)
        for index in 1..<timeSeconds.count {
            let step = timeSeconds[index] - timeSeconds[index - 1]
            let moved = step > 0 && step <= maxGapSeconds ? (currentA[index] + currentA[index - 1]) / 2 * step / 3600 : 0
            cumulative[index] = cumulative[index - 1] + moved
        }
        return cumulative
    }

    /// The total signed charge of a recording, in Ah.
    public static func ampHours(timeSeconds: [Double], currentA: [Double]) -> Double {
        cumulativeAmpHours(timeSeconds: timeSeconds, currentA: currentA).last ?? 0
    }

    /// The capacity a partial segment implies: the charge moved between two states of charge divided by the
    /// SOC change, as vehicle data gives it (a charge from 30 % to 80 % that took in 1 Ah implies 2 Ah).
    /// - Parameters:
    ///   - ampHours: charge moved in the segment (magnitude).
    ///   - startSOCPercent: state of charge at the start.
    ///   - endSOCPercent: state of charge at the end.
    ///   - minimumSpanPercent: the smallest SOC change trusted; a shorter span magnifies SOC errors.
    /// - Returns: the capacity in Ah, or nil when the span is too short.
    public static func capacityAh(
        ampHours: Double, startSOCPercent: Double, endSOCPercent: Double, minimumSpanPercent: Double = 20
    ) -> Double? {
        let span = abs(endSOCPercent - startSOCPercent)
        guard span >= minimumSpanPercent else { return nil }
        return abs(ampHours) / (span / 100)
    }
}
