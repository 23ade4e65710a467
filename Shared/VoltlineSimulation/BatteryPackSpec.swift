public import VoltlineBattery
public import VoltlineDomain

/// A battery pack's design: its cell type (datasheet values and the equivalent-circuit parameters of
/// `VoltlineBattery`), how the cells are connected, and how well the pack is cooled.
public struct BatteryPackSpec: Sendable, Hashable {
    /// The cell type.
    public var cell: CellParameters
    /// Cells in series (series elements the BMS measures) and in parallel within each element.
    public var cellsInSeries: Int
    public var cellsInParallel: Int
    /// Time constant in s with which the pack's cooling pulls the cells towards ambient temperature.
    public var coolingTimeConstantSeconds: Double
    /// Relative standard deviation of capacity and resistance between series elements.
    public var capacitySpread: Double
    public var resistanceSpread: Double

    /// Creates a pack spec.
    public init(
        cell: CellParameters, cellsInSeries: Int, cellsInParallel: Int, coolingTimeConstantSeconds: Double,
        capacitySpread: Double = 0.01, resistanceSpread: Double = 0.05
    ) {
        self.cell = cell
        self.cellsInSeries = cellsInSeries
        self.cellsInParallel = cellsInParallel
        self.coolingTimeConstantSeconds = coolingTimeConstantSeconds
        self.capacitySpread = capacitySpread
        self.resistanceSpread = resistanceSpread
    }

    /// The cell, for registration ("Samsung INR18650-25R").
    public var model: String { cell.name }
    /// The cell chemistry.
    public var chemistry: Chemistry {
        switch cell.chemistry {
        case .nmc: .nmc
        case .nca: .nca
        case .lfp: .lfp
        }
    }
    /// Rated cell capacity in Ah.
    public var cellCapacityAh: Double { cell.capacityAh }
    /// Constant-voltage charge limit per cell in V.
    public var chargeVoltageCellV: Double { cell.maxVoltageV }
    /// Discharge cut-off per cell in V: a discharge ends when the lowest cell reaches it.
    public var dischargeCutoffCellV: Double { cell.minVoltageV }
    /// Rated pack capacity in Ah.
    public var capacityAh: Double { cell.capacityAh * Double(cellsInParallel) }
    /// Maximum continuous pack charge current in A.
    public var maxChargeCurrentA: Double { cell.maxChargeCurrentA * Double(cellsInParallel) }
    /// Maximum continuous pack discharge current in A (a magnitude).
    public var maxDischargeCurrentA: Double { cell.maxDischargeCurrentA * Double(cellsInParallel) }

    /// The battery model's pack configuration: the cooling time constant becomes a conductance per cell.
    public var packConfiguration: PackConfiguration {
        PackConfiguration(
            cell: cell, cellsInSeries: cellsInSeries, cellsInParallel: cellsInParallel,
            coolingConductancePerCellWPerK: cell.heatCapacityJPerK / coolingTimeConstantSeconds,
            capacitySpread: capacitySpread, resistanceSpread: resistanceSpread)
    }
}
