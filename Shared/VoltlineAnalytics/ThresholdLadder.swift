/// Up to three thresholds of rising severity on one value, in one direction.
struct ThresholdLadder {
    /// How a value crosses a threshold.
    enum Trigger {
        /// `value >= threshold`.
        case atOrAbove
        /// `value > threshold`.
        case above
        /// `value < threshold`.
        case below
    }

    let trigger: Trigger
    let warning: Double
    var critical: Double? = nil
    var danger: Double? = nil

    /// The highest level `value` reaches and the threshold it crossed (the warning threshold when normal).
    func check(_ value: Double) -> (level: RiskLevel, threshold: Double) {
        if let danger, crosses(value, danger) { return (.danger, danger) }
        if let critical, crosses(value, critical) { return (.critical, critical) }
        return crosses(value, warning) ? (.warning, warning) : (.normal, warning)
    }

    private func crosses(_ value: Double, _ threshold: Double) -> Bool {
        switch trigger {
        case .atOrAbove: value >= threshold
        case .above: value > threshold
        case .below: value < threshold
        }
    }
}
