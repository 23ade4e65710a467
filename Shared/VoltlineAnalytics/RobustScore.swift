/// How unusual one value is against its series' recent history.
public struct RobustScore: Sendable, Hashable, Codable {
    /// The scored value.
    public var value: Double
    /// Median of the history.
    public var median: Double
    /// Robust standard deviation of the history: `1.4826 × MAD`, after the floor.
    public var robustSigma: Double
    /// Robust z-score `|value − median| / robustSigma`.
    public var z: Double
    /// The level the score reaches.
    public var level: RiskLevel
    /// For a non-normal level, the value at which that level starts on the side of `value`
    /// (`median ± zThreshold × robustSigma`); for normal, the warning boundary on that side.
    public var threshold: Double
}
