/// One cell of the NASA ageing data set: its charges, discharges and per-discharge capacities, each in
/// cycle order.
public struct NASACell: Sendable, Equatable {
    /// The cell's name, e.g. `B0005`.
    public var name: String
    /// Charge cycles (CC-CV at 1.5 A to 4.2 V, then 20 mA cut-off).
    public var charges: [CycleRecording]
    /// Discharge cycles (2 A constant current to the cut-off voltage).
    public var discharges: [CycleRecording]
    /// Reported capacity per discharge cycle.
    public var capacities: [CellCapacity]

    /// Creates a cell.
    public init(name: String, charges: [CycleRecording], discharges: [CycleRecording], capacities: [CellCapacity]) {
        self.name = name
        self.charges = charges
        self.discharges = discharges
        self.capacities = capacities
    }

    /// The charge with cycle number `cycle` (it precedes the discharge of the same number).
    public func charge(cycle: Int) -> CycleRecording? {
        charges.first { $0.cycle == cycle }
    }

    /// The discharge with cycle number `cycle`.
    public func discharge(cycle: Int) -> CycleRecording? {
        discharges.first { $0.cycle == cycle }
    }
}
