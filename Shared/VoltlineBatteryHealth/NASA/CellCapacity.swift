/// One row of `capacity_per_cycle.csv`: the capacity a cell delivered in one discharge.
public struct CellCapacity: Sendable, Equatable {
    /// The discharge cycle number.
    public var cycle: Int
    /// Capacity as reported with the data set, in Ah.
    public var capacityAh: Double
    /// Current integrated over the discharge, in Ah.
    public var integratedAh: Double

    /// Creates a capacity row.
    public init(cycle: Int, capacityAh: Double, integratedAh: Double) {
        self.cycle = cycle
        self.capacityAh = capacityAh
        self.integratedAh = integratedAh
    }
}
