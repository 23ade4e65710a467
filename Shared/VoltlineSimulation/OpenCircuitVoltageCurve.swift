/// A cell's open-circuit voltage as a function of its state of charge: linear between tabulated points,
/// and rising steeply above full charge, where an overcharged cell's voltage runs away.
struct OpenCircuitVoltageCurve: Sendable {
    /// Voltages at every whole percent of state of charge, 0...100; looked up once per cell and step.
    private let percentVolts: [Double]
    /// The slope above full charge, in volts per unit of state of charge.
    private let overchargeSlope: Double

    /// Creates a curve.
    /// - Parameters:
    ///   - points: (state of charge 0...1, volts) from 0 to 1, increasing, at whole percents.
    ///   - overchargeSlope: the slope above full charge, in volts per unit of state of charge.
    init(points: [(stateOfCharge: Double, volts: Double)], overchargeSlope: Double) {
        // Tabulating at whole percents is exact, because the points themselves lie on whole percents.
        percentVolts = (0...100).map { percent in
            let stateOfCharge = Double(percent) / 100
            let upper = points.firstIndex { $0.stateOfCharge >= stateOfCharge } ?? points.count - 1
            guard upper > 0 else { return points[0].volts }
            let (low, high) = (points[upper - 1], points[upper])
            return low.volts
                + (stateOfCharge - low.stateOfCharge) / (high.stateOfCharge - low.stateOfCharge) * (high.volts - low.volts)
        }
        self.overchargeSlope = overchargeSlope
    }

    /// The open-circuit voltage at `stateOfCharge` (below 0 it is the empty voltage).
    func voltage(atStateOfCharge stateOfCharge: Double) -> Double {
        if stateOfCharge >= 1 { return percentVolts[100] + (stateOfCharge - 1) * overchargeSlope }
        let percent = max(0, stateOfCharge * 100)
        let index = Int(percent)
        let fraction = percent - Double(index)
        return percentVolts[index] + fraction * (percentVolts[index + 1] - percentVolts[index])
    }
}
