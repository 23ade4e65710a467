/// A cell's open-circuit voltage as a function of its state of charge, interpolated linearly between
/// measured points and extended steeply above full charge, where an overcharged cell's voltage runs away.
struct OpenCircuitVoltageCurve: Sendable {
    /// Points (state of charge 0...1, volts), in increasing state of charge from 0 to 1.
    let points: [(stateOfCharge: Double, volts: Double)]
    /// The slope above full charge, in volts per unit of state of charge.
    let overchargeSlope: Double

    /// The open-circuit voltage at `stateOfCharge` (below 0 it is the empty voltage).
    func voltage(atStateOfCharge stateOfCharge: Double) -> Double {
        let full = points[points.count - 1]
        if stateOfCharge >= full.stateOfCharge {
            return full.volts + (stateOfCharge - full.stateOfCharge) * overchargeSlope
        }
        guard let upper = points.firstIndex(where: { $0.stateOfCharge > stateOfCharge }), upper > 0 else {
            return points[0].volts
        }
        let (low, high) = (points[upper - 1], points[upper])
        let fraction = (stateOfCharge - low.stateOfCharge) / (high.stateOfCharge - low.stateOfCharge)
        return low.volts + fraction * (high.volts - low.volts)
    }
}
