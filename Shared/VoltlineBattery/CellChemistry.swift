import Foundation

/// The cathode chemistry of a lithium-ion cell, which sets its voltage window and typical curves.
public enum CellChemistry: String, Sendable, Hashable, CaseIterable, Codable {
    /// Nickel manganese cobalt oxide: a sloping curve from 3.0 V to 4.2 V.
    case nmc
    /// Nickel cobalt aluminium oxide: like NMC, slightly lower in the middle.
    case nca
    /// Lithium iron phosphate: a flat plateau around 3.3 V between steep ends at 2.5 V and 3.65 V.
    case lfp

    /// A typical open-circuit voltage curve at 25 °C, from published half-cell and pOCV measurements.
    public var openCircuitVoltage: OpenCircuitVoltageCurve {
        switch self {
        case .nmc:
            OpenCircuitVoltageCurve(
                points: [
                    (0, 3.00), (0.03, 3.28), (0.06, 3.42), (0.10, 3.50), (0.20, 3.58), (0.30, 3.64), (0.40, 3.70),
                    (0.50, 3.76), (0.60, 3.84), (0.70, 3.93), (0.80, 4.01), (0.90, 4.09), (1, 4.19),
                ], overchargeCeilingV: 5.2)
        case .nca:
            OpenCircuitVoltageCurve(
                points: [
                    (0, 3.00), (0.03, 3.22), (0.06, 3.36), (0.10, 3.44), (0.20, 3.53), (0.30, 3.61), (0.40, 3.68),
                    (0.50, 3.75), (0.60, 3.83), (0.70, 3.92), (0.80, 4.01), (0.90, 4.10), (1, 4.19),
                ], overchargeCeilingV: 5.2)
        case .lfp:
            OpenCircuitVoltageCurve(
                points: [
                    (0, 2.50), (0.02, 2.90), (0.05, 3.10), (0.10, 3.20), (0.20, 3.25), (0.30, 3.27), (0.40, 3.285),
                    (0.50, 3.295), (0.60, 3.30), (0.70, 3.31), (0.80, 3.325), (0.90, 3.34), (0.95, 3.37),
                    (0.98, 3.43), (1, 3.60),
                ], overchargeCeilingV: 4.8)
        }
    }

    /// Entropic coefficient dU/dT in V/K at `stateOfCharge`: the reversible heat of a current I is
    /// I·T·dU/dT (positive current charging), released on discharge where dU/dT is negative. Layered
    /// oxides turn strongly negative towards empty; LFP stays small.
    public func entropicCoefficientVPerK(atStateOfCharge stateOfCharge: Double) -> Double {
        let towardsEmpty = exp(-max(0, stateOfCharge) / 0.2)
        return switch self {
        case .nmc, .nca: -0.00005 - 0.0005 * towardsEmpty
        case .lfp: -0.00002 - 0.0001 * towardsEmpty
        }
    }
}
