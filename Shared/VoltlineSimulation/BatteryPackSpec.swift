public import VoltlineDomain

/// A battery pack's design: its cell's datasheet values, how the cells are connected, and how well the
/// pack is cooled.
public struct BatteryPackSpec: Sendable, Hashable {
    /// The cell, for registration ("Samsung INR18650-25R").
    public var model: String
    /// The cell chemistry, which sets the open-circuit voltage curve.
    public var chemistry: Chemistry
    /// Rated cell capacity in Ah.
    public var cellCapacityAh: Double
    /// DC internal resistance of a fresh cell in Ω.
    public var cellResistanceOhm: Double
    /// Heat capacity of one cell (mass times specific heat) in J/K.
    public var cellHeatCapacityJPerK: Double
    /// Cells in series (series elements the BMS measures) and in parallel within each element.
    public var cellsInSeries: Int
    public var cellsInParallel: Int
    /// Constant-voltage charge limit per cell in V.
    public var chargeVoltageCellV: Double
    /// Discharge cut-off per cell in V: a discharge ends when the lowest cell reaches it.
    public var dischargeCutoffCellV: Double
    /// Datasheet maximum continuous charge and discharge current per cell in A.
    public var maxChargeCurrentCellA: Double
    public var maxDischargeCurrentCellA: Double
    /// Time constant in s with which the pack's cooling pulls the cells towards ambient temperature.
    public var coolingTimeConstantSeconds: Double
    /// Relative standard deviation of capacity and resistance between series elements.
    public var capacitySpread: Double
    public var resistanceSpread: Double
    /// Ageing per equivalent full cycle: the fraction of capacity lost and of resistance gained.
    public var capacityFadePerCycle: Double
    public var resistanceGrowthPerCycle: Double

    /// Creates a pack spec.
    public init(
        model: String, chemistry: Chemistry, cellCapacityAh: Double, cellResistanceOhm: Double,
        cellHeatCapacityJPerK: Double, cellsInSeries: Int, cellsInParallel: Int, chargeVoltageCellV: Double,
        dischargeCutoffCellV: Double, maxChargeCurrentCellA: Double, maxDischargeCurrentCellA: Double,
        coolingTimeConstantSeconds: Double, capacitySpread: Double = 0.01, resistanceSpread: Double = 0.05,
        capacityFadePerCycle: Double = 1e-4, resistanceGrowthPerCycle: Double = 2e-4
    ) {
        self.model = model
        self.chemistry = chemistry
        self.cellCapacityAh = cellCapacityAh
        self.cellResistanceOhm = cellResistanceOhm
        self.cellHeatCapacityJPerK = cellHeatCapacityJPerK
        self.cellsInSeries = cellsInSeries
        self.cellsInParallel = cellsInParallel
        self.chargeVoltageCellV = chargeVoltageCellV
        self.dischargeCutoffCellV = dischargeCutoffCellV
        self.maxChargeCurrentCellA = maxChargeCurrentCellA
        self.maxDischargeCurrentCellA = maxDischargeCurrentCellA
        self.coolingTimeConstantSeconds = coolingTimeConstantSeconds
        self.capacitySpread = capacitySpread
        self.resistanceSpread = resistanceSpread
        self.capacityFadePerCycle = capacityFadePerCycle
        self.resistanceGrowthPerCycle = resistanceGrowthPerCycle
    }

    /// Rated pack capacity in Ah.
    public var capacityAh: Double { cellCapacityAh * Double(cellsInParallel) }
    /// Maximum continuous pack charge current in A.
    public var maxChargeCurrentA: Double { maxChargeCurrentCellA * Double(cellsInParallel) }
    /// Maximum continuous pack discharge current in A (a magnitude).
    public var maxDischargeCurrentA: Double { maxDischargeCurrentCellA * Double(cellsInParallel) }
}
