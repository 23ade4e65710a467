import VoltlineDomain

extension Chemistry {
    /// A typical open-circuit voltage curve of the chemistry at 25 °C: NMC and NCA slope from 3.0 V to
    /// 4.2 V, LFP sits on a flat plateau around 3.2–3.35 V between steep ends at 2.5 V and 3.65 V.
    var openCircuitVoltage: OpenCircuitVoltageCurve {
        switch self {
        case .nmc:
            OpenCircuitVoltageCurve(
                points: [
                    (0, 3.00), (0.05, 3.35), (0.10, 3.48), (0.20, 3.58), (0.30, 3.64), (0.40, 3.70), (0.50, 3.76),
                    (0.60, 3.84), (0.70, 3.93), (0.80, 4.01), (0.90, 4.09), (1, 4.20),
                ],
                overchargeSlope: 8)
        case .nca:
            OpenCircuitVoltageCurve(
                points: [
                    (0, 3.00), (0.05, 3.30), (0.10, 3.42), (0.20, 3.53), (0.30, 3.61), (0.40, 3.68), (0.50, 3.75),
                    (0.60, 3.83), (0.70, 3.92), (0.80, 4.01), (0.90, 4.10), (1, 4.20),
                ],
                overchargeSlope: 8)
        case .lfp:
            OpenCircuitVoltageCurve(
                points: [
                    (0, 2.50), (0.02, 2.90), (0.05, 3.10), (0.10, 3.20), (0.20, 3.25), (0.30, 3.27), (0.40, 3.29),
                    (0.50, 3.30), (0.60, 3.31), (0.70, 3.32), (0.80, 3.33), (0.90, 3.34), (0.95, 3.38), (0.98, 3.45),
                    (1, 3.65),
                ],
                overchargeSlope: 8)
        }
    }
}
