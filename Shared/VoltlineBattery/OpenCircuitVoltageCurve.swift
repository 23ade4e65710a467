import Foundation

/// A cell's open-circuit voltage as a smooth, monotone function of its state of charge.
///
/// Between the tabulated points the curve is a monotone cubic Hermite interpolant (Fritsch–Carlson
/// slopes), so it is smooth, never overshoots between points and keeps an LFP plateau flat. Beyond full
/// charge an overcharged cell's voltage climbs steeply and saturates near `overchargeCeilingV`, as cells
/// do when electrolyte oxidation takes over; below empty it falls linearly. Written by hand: the formula
/// is a dozen lines and no Swift package offers it without pulling in a numerics framework.
public struct OpenCircuitVoltageCurve: Sendable, Hashable {
    /// Tabulated states of charge, 0...1, strictly increasing.
    public let statesOfCharge: [Double]
    /// Open-circuit voltages in V at `statesOfCharge`, non-decreasing.
    public let volts: [Double]
    /// The voltage an overcharged cell approaches, in V.
    public let overchargeCeilingV: Double
    private let slopes: [Double]

    /// How far past full charge (as a fraction of capacity) the overcharge rise has mostly happened.
    private static let overchargeScale = 0.08
    /// Slope below empty, in V per unit of state of charge.
    private static let underdischargeSlope = 5.0

    /// Creates a curve through the given points.
    /// - Parameters:
    ///   - points: (state of charge 0...1, volts), strictly increasing in state of charge, non-decreasing in volts.
    ///   - overchargeCeilingV: the voltage that an overcharged cell approaches.
    public init(points: [(stateOfCharge: Double, volts: Double)], overchargeCeilingV: Double) {
        precondition(points.count >= 2, "an open-circuit voltage curve needs at least two points")
        statesOfCharge = points.map(\.stateOfCharge)
        volts = points.map(\.volts)
        self.overchargeCeilingV = overchargeCeilingV
        slopes = Self.monotoneSlopes(x: statesOfCharge, y: volts)
    }

    /// The open-circuit voltage in V at `stateOfCharge`, which may lie outside 0...1.
    public func voltage(atStateOfCharge stateOfCharge: Double) -> Double {
        let first = statesOfCharge[0]
        let last = statesOfCharge[statesOfCharge.count - 1]
        if stateOfCharge >= last {
            let full = volts[volts.count - 1]
            return full + (overchargeCeilingV - full) * (1 - exp(-(stateOfCharge - last) / Self.overchargeScale))
        }
        if stateOfCharge <= first { return volts[0] - (first - stateOfCharge) * Self.underdischargeSlope }
        var upper = 1
        while statesOfCharge[upper] < stateOfCharge { upper += 1 }
        let lower = upper - 1
        let width = statesOfCharge[upper] - statesOfCharge[lower]
        let t = (stateOfCharge - statesOfCharge[lower]) / width
        let t2 = t * t
        let t3 = t2 * t
        let h00: Double = 2 * t3 - 3 * t2 + 1
        let h10: Double = t3 - 2 * t2 + t
        let h01: Double = 3 * t2 - 2 * t3
        let h11: Double = t3 - t2
        let lowerPart: Double = h00 * volts[lower] + h10 * width * slopes[lower]
        let upperPart: Double = h01 * volts[upper] + h11 * width * slopes[upper]
        return lowerPart + upperPart
    }

    /// The state of charge whose open-circuit voltage is `volts`, found by bisection; clamped to 0...1.
    public func stateOfCharge(atVoltage volts: Double) -> Double {
        var low = 0.0
        var high = 1.0
        for _ in 0..<50 {
            let middle = (low + high) / 2
            if voltage(atStateOfCharge: middle) < volts { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// Fritsch–Carlson slopes: harmonic-mean slopes, zero at local extrema or flat segments.
    private static func monotoneSlopes(x: [Double], y: [Double]) -> [Double] {
        let n = x.count
        var secants: [Double] = []
        for i in 0..<(n - 1) {
            let rise: Double = y[i + 1] - y[i]
            let run: Double = x[i + 1] - x[i]
            secants.append(rise / run)
        }
        var slopes = [Double](repeating: 0, count: n)
        slopes[0] = secants[0]
        slopes[n - 1] = secants[n - 2]
        for i in 1..<(n - 1) where secants[i - 1] * secants[i] > 0 {
            let right: Double = x[i + 1] - x[i]
            let left: Double = x[i] - x[i - 1]
            let w1 = 2 * right + left
            let w2 = right + 2 * left
            slopes[i] = (w1 + w2) / (w1 / secants[i - 1] + w2 / secants[i])
        }
        return slopes
    }
}
