import VoltlineBattery

extension BatteryPackSpec {
    /// Samsung INR18650-25R as a 14s6p, 51.8 V 15 Ah AGV pack, air-cooled.
    public static let samsung25R = BatteryPackSpec(
        cell: .samsung25R, cellsInSeries: 14, cellsInParallel: 6, coolingTimeConstantSeconds: 1800)

    /// Panasonic NCR18650B as a 14s10p, 50.4 V 34 Ah forklift pack, air-cooled.
    public static let panasonicNCR18650B = BatteryPackSpec(
        cell: .panasonicNCR18650B, cellsInSeries: 14, cellsInParallel: 10, coolingTimeConstantSeconds: 1800)

    /// LG Chem E63 pouch as a 112s1p, 409 V 25.8 kWh peak-shaving store, forced-air cooled.
    public static let lgChemE63 = BatteryPackSpec(
        cell: .lgChemE63, cellsInSeries: 112, cellsInParallel: 1, coolingTimeConstantSeconds: 1200)

    /// BYD Blade prismatic (LFP, 202 Ah) as a 104s1p, 333 V 67 kWh stationary store, liquid-cooled.
    public static let bydBlade = BatteryPackSpec(
        cell: .bydBlade, cellsInSeries: 104, cellsInParallel: 1, coolingTimeConstantSeconds: 1500)

    /// Tesla Model Y 21700 cell as a second-life 96s46p, 355 V 78 kWh pack, liquid-cooled.
    public static let teslaModelY21700 = BatteryPackSpec(
        cell: .tesla21700, cellsInSeries: 96, cellsInParallel: 46, coolingTimeConstantSeconds: 900)

    /// The five reference packs.
    public static let referencePacks: [BatteryPackSpec] = [
        .samsung25R, .panasonicNCR18650B, .lgChemE63, .bydBlade, .teslaModelY21700,
    ]
}
