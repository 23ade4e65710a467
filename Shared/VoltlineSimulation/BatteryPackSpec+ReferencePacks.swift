extension BatteryPackSpec {
    /// Samsung INR18650-25R (NMC, 2.5 Ah, 20 A continuous) as a 14s6p, 51.8 V 15 Ah AGV pack, air-cooled.
    public static let samsung25R = BatteryPackSpec(
        model: "Samsung INR18650-25R", chemistry: .nmc, cellCapacityAh: 2.5, cellResistanceOhm: 0.022,
        cellHeatCapacityJPerK: 43, cellsInSeries: 14, cellsInParallel: 6, chargeVoltageCellV: 4.2,
        dischargeCutoffCellV: 2.5, maxChargeCurrentCellA: 4, maxDischargeCurrentCellA: 20,
        coolingTimeConstantSeconds: 1800)

    /// Panasonic NCR18650B (NCA, 3.4 Ah, 2C) as a 14s10p, 50.4 V 34 Ah forklift pack, air-cooled.
    public static let panasonicNCR18650B = BatteryPackSpec(
        model: "Panasonic NCR18650B", chemistry: .nca, cellCapacityAh: 3.4, cellResistanceOhm: 0.035,
        cellHeatCapacityJPerK: 46, cellsInSeries: 14, cellsInParallel: 10, chargeVoltageCellV: 4.2,
        dischargeCutoffCellV: 2.5, maxChargeCurrentCellA: 1.7, maxDischargeCurrentCellA: 6.8,
        coolingTimeConstantSeconds: 1800)

    /// LG Chem E63 pouch (NMC, 63 Ah) as a 112s1p, 409 V 25.8 kWh peak-shaving store, forced-air cooled.
    public static let lgChemE63 = BatteryPackSpec(
        model: "LG Chem E63", chemistry: .nmc, cellCapacityAh: 63, cellResistanceOhm: 0.0009,
        cellHeatCapacityJPerK: 900, cellsInSeries: 112, cellsInParallel: 1, chargeVoltageCellV: 4.2,
        dischargeCutoffCellV: 2.5, maxChargeCurrentCellA: 63, maxDischargeCurrentCellA: 189,
        coolingTimeConstantSeconds: 1200)

    /// BYD Blade prismatic (LFP, 202 Ah) as a 104s1p, 333 V 67 kWh stationary store, liquid-cooled.
    public static let bydBlade = BatteryPackSpec(
        model: "BYD Blade 202Ah", chemistry: .lfp, cellCapacityAh: 202, cellResistanceOhm: 0.00035,
        cellHeatCapacityJPerK: 5900, cellsInSeries: 104, cellsInParallel: 1, chargeVoltageCellV: 3.65,
        dischargeCutoffCellV: 2.5, maxChargeCurrentCellA: 202, maxDischargeCurrentCellA: 404,
        coolingTimeConstantSeconds: 1500, capacityFadePerCycle: 3e-5, resistanceGrowthPerCycle: 1e-4)

    /// Tesla Model Y 21700 cell (NCA, 4.8 Ah) as a second-life 96s46p, 355 V 78 kWh pack, liquid-cooled.
    public static let teslaModelY21700 = BatteryPackSpec(
        model: "Tesla Model Y 21700", chemistry: .nca, cellCapacityAh: 4.8, cellResistanceOhm: 0.020,
        cellHeatCapacityJPerK: 65, cellsInSeries: 96, cellsInParallel: 46, chargeVoltageCellV: 4.2,
        dischargeCutoffCellV: 2.5, maxChargeCurrentCellA: 4.8, maxDischargeCurrentCellA: 14.4,
        coolingTimeConstantSeconds: 900)

    /// The five reference packs.
    public static let referencePacks: [BatteryPackSpec] = [
        .samsung25R, .panasonicNCR18650B, .lgChemE63, .bydBlade, .teslaModelY21700,
    ]
}
