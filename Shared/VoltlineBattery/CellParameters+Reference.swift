extension CellParameters {
    /// Samsung INR18650-25R: NMC 18650, 2.5 Ah, 3.6 V nominal, 4.2/2.5 V, 4 A charge, 20 A continuous
    /// discharge, 45 g, AC impedance ≤ 18 mΩ (DC about 22 mΩ); about 500 cycles to 80 % at 1C.
    public static let samsung25R = CellParameters(
        name: "Samsung INR18650-25R", chemistry: .nmc, capacityAh: 2.5, nominalVoltageV: 3.6, maxVoltageV: 4.2,
        minVoltageV: 2.5, maxChargeCurrentA: 4, maxDischargeCurrentA: 20, seriesResistanceOhm: 0.014,
        rcPairs: [RCPair(resistanceOhm: 0.003, timeConstantSeconds: 12), RCPair(resistanceOhm: 0.005, timeConstantSeconds: 250)],
        massKg: 0.045, heatCapacityJPerK: 43, ageing: AgeingParameters(cycleFadePerEquivalentCycle: 0.0004))

    /// Panasonic NCR18650B: NCA 18650, 3.35 Ah (3.4 typical), 3.6 V, 4.2/2.5 V, 1.7 A (0.5C) charge, 6.8 A
    /// discharge, 48.5 g, DC resistance about 35 mΩ; about 500 cycles to 80 %.
    public static let panasonicNCR18650B = CellParameters(
        name: "Panasonic NCR18650B", chemistry: .nca, capacityAh: 3.4, nominalVoltageV: 3.6, maxVoltageV: 4.2,
        minVoltageV: 2.5, maxChargeCurrentA: 1.7, maxDischargeCurrentA: 6.8, seriesResistanceOhm: 0.022,
        rcPairs: [RCPair(resistanceOhm: 0.005, timeConstantSeconds: 12), RCPair(resistanceOhm: 0.008, timeConstantSeconds: 300)],
        massKg: 0.0485, heatCapacityJPerK: 46, ageing: AgeingParameters(cycleFadePerEquivalentCycle: 0.0004))

    /// LG Chem E63: NMC pouch, 63 Ah, 3.65 V, 4.2/2.5 V, 1C charge, 3C continuous discharge, 0.89 kg, DC
    /// resistance about 0.9 mΩ; automotive grade, about 1,500 cycles to 80 %.
    public static let lgChemE63 = CellParameters(
        name: "LG Chem E63", chemistry: .nmc, capacityAh: 63, nominalVoltageV: 3.65, maxVoltageV: 4.2,
        minVoltageV: 2.5, maxChargeCurrentA: 63, maxDischargeCurrentA: 189, seriesResistanceOhm: 0.00055,
        rcPairs: [RCPair(resistanceOhm: 0.00015, timeConstantSeconds: 15), RCPair(resistanceOhm: 0.0002, timeConstantSeconds: 400)],
        massKg: 0.89, heatCapacityJPerK: 900, ageing: AgeingParameters(cycleFadePerEquivalentCycle: 0.00013))

    /// BYD Blade: LFP prismatic, 202 Ah, 3.2 V, 3.65/2.5 V, 1C charge, 2C discharge, 5.9 kg, DC resistance
    /// about 0.35 mΩ; over 3,000 cycles to 80 %, and calendar ageing slower than layered oxides.
    public static let bydBlade = CellParameters(
        name: "BYD Blade 202Ah", chemistry: .lfp, capacityAh: 202, nominalVoltageV: 3.2, maxVoltageV: 3.65,
        minVoltageV: 2.5, maxChargeCurrentA: 202, maxDischargeCurrentA: 404, seriesResistanceOhm: 0.00022,
        rcPairs: [RCPair(resistanceOhm: 0.00005, timeConstantSeconds: 20), RCPair(resistanceOhm: 0.00008, timeConstantSeconds: 600)],
        massKg: 5.9, heatCapacityJPerK: 5900,
        ageing: AgeingParameters(cycleFadePerEquivalentCycle: 0.00006, calendarFadePerSqrtDay: 0.0008))

    /// Tesla 21700 (Model 3/Y NCA cell): 4.8 Ah, 3.6 V, 4.2/2.5 V, 1C charge, 3C continuous discharge, 69 g,
    /// DC resistance about 20 mΩ; about 1,000 cycles to 80 %.
    public static let tesla21700 = CellParameters(
        name: "Tesla Model Y 21700", chemistry: .nca, capacityAh: 4.8, nominalVoltageV: 3.6, maxVoltageV: 4.2,
        minVoltageV: 2.5, maxChargeCurrentA: 4.8, maxDischargeCurrentA: 14.4, seriesResistanceOhm: 0.013,
        rcPairs: [RCPair(resistanceOhm: 0.003, timeConstantSeconds: 12), RCPair(resistanceOhm: 0.004, timeConstantSeconds: 300)],
        massKg: 0.069, heatCapacityJPerK: 65, ageing: AgeingParameters(cycleFadePerEquivalentCycle: 0.0002))

    /// The five reference cells.
    public static let referenceCells: [CellParameters] = [
        .samsung25R, .panasonicNCR18650B, .lgChemE63, .bydBlade, .tesla21700,
    ]
}
