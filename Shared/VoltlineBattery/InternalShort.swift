import Foundation

/// An internal short circuit that develops the way field failures do: a soft short (a dendrite or a
/// particle through the separator) whose resistance falls over time until it becomes a hard short.
///
/// The leakage is the cell's open-circuit voltage over the short's resistance. The resistance is set so
/// that at nominal voltage the leakage starts at `initialLeakageCRate` of the rated capacity, grows by a
/// factor e every `growthTimeSeconds` and stops growing at `finalLeakageCRate`. Its heat is dissipated
/// inside the cell, so a cell with a short self-discharges and warms; as the short hardens, the heat
/// can lift the cell to its self-heating onset and into thermal runaway.
public struct InternalShort: Sendable, Hashable {
    /// Leakage at onset, as a multiple of the rated capacity per hour.
    public var initialLeakageCRate: Double
    /// Time for the leakage to grow by a factor e, in s.
    public var growthTimeSeconds: Double
    /// The hard short's leakage, as a C-rate.
    public var finalLeakageCRate: Double
    /// Time since the onset, in s.
    public private(set) var elapsedSeconds = 0.0

    /// Creates a developing short.
    public init(initialLeakageCRate: Double = 0.01, growthTimeSeconds: Double = 720, finalLeakageCRate: Double = 5) {
        self.initialLeakageCRate = initialLeakageCRate
        self.growthTimeSeconds = growthTimeSeconds
        self.finalLeakageCRate = finalLeakageCRate
    }

    /// The short's resistance in Ω now, in a cell of `capacityAh` and `nominalVoltageV`.
    public func resistanceOhm(capacityAh: Double, nominalVoltageV: Double) -> Double {
        let cRate = min(finalLeakageCRate, initialLeakageCRate * exp(elapsedSeconds / growthTimeSeconds))
        return nominalVoltageV / (cRate * capacityAh)
    }

    /// Lets the short develop for `seconds`.
    mutating func advance(seconds: Double) {
        elapsedSeconds += seconds
    }
}
