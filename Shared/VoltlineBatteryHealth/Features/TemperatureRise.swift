/// How fast a temperature climbs.
public enum TemperatureRise {
    /// The fastest rise over any span of at least `intervalSeconds`, in °C per minute (0 when it never rises).
    ///
    /// Measured over a span rather than between neighbouring samples, so sensor quantisation steps do not
    /// read as fast heating.
    public static func fastestRate(timeSeconds: [Double], temperatureC: [Double], intervalSeconds: Double) -> Double {
        var fastest = 0.0
        var start = 0
        for end in timeSeconds.indices {
            while start < end && timeSeconds[end] - timeSeconds[start + 1] >= intervalSeconds { start += 1 }
            let span = timeSeconds[end] - timeSeconds[start]
            guard span >= intervalSeconds else { continue }
            fastest = max(fastest, (temperatureC[end] - temperatureC[start]) / span * 60)
        }
        return fastest
    }
}
