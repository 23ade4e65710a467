extension CellParameters {
    /// The 2 Ah 18650 cells of NASA's ageing set (B0005, B0006): 4.2 V charge, 2.7 V cut-off, cycled at
    /// 1.5 A charge and 2 A discharge in a chamber at about 24 °C.
    ///
    /// Fitted once, offline, to B0005's discharge cycles 1–3 (`voltline-battery validate-model` checks it):
    /// the open-circuit voltage at the knots enters the measured voltage linearly once the resistances are
    /// fixed, so the fit is Nelder–Mead over the series resistance, both RC branches, the low-charge
    /// resistance rise and the activation energy, each trial solving a non-negative least-squares problem
    /// for the knot increments (a monotone curve), with the measured temperature. Knots below 6 % state of
    /// charge, which the 2.7 V cut-off never reaches, follow the usual layered-oxide shape. The chamber's
    /// cooling (``nasaChamberConductanceWPerK``) comes from the temperature decay after each discharge,
    /// a time constant of 805 s. The cycle-fade coefficient was tuned so the simulated protocol ends 160 cycles near B0005's 1.30 Ah.
    public static let nasa18650 = CellParameters(
        name: "NASA PCoE 18650 (2 Ah)", chemistry: .nmc, capacityAh: 2.0, nominalVoltageV: 3.7, maxVoltageV: 4.2,
        minVoltageV: 2.7, maxChargeCurrentA: 1.5, maxDischargeCurrentA: 4,
        openCircuitVoltage: OpenCircuitVoltageCurve(
            points: [
                (0, 2.90), (0.03, 3.12), (0.06, 3.2438), (0.10, 3.4155), (0.15, 3.5434), (0.20, 3.6011),
                (0.30, 3.6725), (0.40, 3.7193), (0.50, 3.7686), (0.60, 3.8344), (0.70, 3.9116), (0.80, 3.9978),
                (0.90, 4.1233), (0.95, 4.1787), (1, 4.1790),
            ], overchargeCeilingV: 5.1),
        seriesResistanceOhm: 0.0058,
        rcPairs: [
            RCPair(resistanceOhm: 0.0653, timeConstantSeconds: 8.57),
            RCPair(resistanceOhm: 0.1067, timeConstantSeconds: 103.5),
        ],
        resistanceActivationEnergy: 40_000, lowChargeResistanceRise: 83.2, lowChargeResistanceWidth: 0.0252,
        massKg: 0.045, heatCapacityJPerK: 45, ageing: AgeingParameters(cycleFadePerEquivalentCycle: 0.0018))

    /// Heat transfer from a NASA cell to its test chamber in W/K: heat capacity over the 805 s cooling
    /// time constant measured after B0005's discharges.
    public static let nasaChamberConductanceWPerK = 45.0 / 805
}
