/// A plan for a ``ScheduleProblem``: when each job starts, what the battery does, the grid load and its cost.
public struct SchedulePlan: Sendable, Hashable, Codable {
    /// One job's place in the plan.
    public struct Assignment: Sendable, Hashable, Codable {
        /// The job's id.
        public var job: String
        /// Its machine.
        public var machine: String
        /// First slot it runs in.
        public var startSlot: Int
        /// Slot after its last one.
        public var endSlot: Int
        /// Local clock time of the start.
        public var startTime: String
        /// Slots it ends after its due slot.
        public var latenessSlots: Int
    }

    /// The battery in one slot.
    public struct StorageStep: Sendable, Hashable, Codable {
        /// The slot.
        public var slot: Int
        /// Charging power drawn from the grid, kW.
        public var chargeKW: Double
        /// Discharging power delivered to the site, kW.
        public var dischargeKW: Double
        /// Stored energy at the end of the slot, kWh.
        public var socKWh: Double
    }

    /// The jobs, in the problem's order.
    public var assignments: [Assignment]
    /// The battery's plan, one step per slot; empty without a battery.
    public var storage: [StorageStep]
    /// Grid power per slot, kW: base load, jobs and battery charging, less battery discharging.
    public var gridKW: [Double]
    /// What the plan costs.
    public var cost: CostBreakdown

    /// Start slot of each job, in the problem's order.
    public var starts: [Int] { assignments.map(\.startSlot) }
}
