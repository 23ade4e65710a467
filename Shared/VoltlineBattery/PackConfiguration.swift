/// How a pack is built from one cell type: cells in series and parallel, how much the cells differ, and
/// how well the pack is cooled.
public struct PackConfiguration: Sendable, Hashable {
    /// The cell type.
    public var cell: CellParameters
    /// Series elements (what the BMS measures) and cells in parallel within each.
    public var cellsInSeries: Int
    public var cellsInParallel: Int
    /// Relative standard deviation of capacity and resistance between series elements.
    public var capacitySpread: Double
    public var resistanceSpread: Double
    /// Relative standard deviation of each element's cooling (edge elements cool better than middle ones).
    public var coolingSpread: Double
    /// Heat transfer of one cell to the coolant or air in W/K.
    public var coolingConductancePerCellWPerK: Double

    /// Creates a pack configuration.
    public init(
        cell: CellParameters, cellsInSeries: Int, cellsInParallel: Int, coolingConductancePerCellWPerK: Double,
        capacitySpread: Double = 0.01, resistanceSpread: Double = 0.05, coolingSpread: Double = 0.1
    ) {
        self.cell = cell
        self.cellsInSeries = cellsInSeries
        self.cellsInParallel = cellsInParallel
        self.coolingConductancePerCellWPerK = coolingConductancePerCellWPerK
        self.capacitySpread = capacitySpread
        self.resistanceSpread = resistanceSpread
        self.coolingSpread = coolingSpread
    }

    /// A single cell as a pack (1s1p, no spread), for cell tests.
    public static func single(_ cell: CellParameters, coolingConductanceWPerK: Double) -> PackConfiguration {
        PackConfiguration(
            cell: cell, cellsInSeries: 1, cellsInParallel: 1, coolingConductancePerCellWPerK: coolingConductanceWPerK,
            capacitySpread: 0, resistanceSpread: 0, coolingSpread: 0)
    }

    /// Rated pack capacity in Ah.
    public var capacityAh: Double { cell.capacityAh * Double(cellsInParallel) }
}
