/// A production job: it runs once, without interruption, on one machine, drawing a known power per slot.
public struct ProductionJob: Sendable, Hashable, Codable {
    /// The job's name, unique in a problem.
    public var id: String
    /// The machine it runs on.
    public var machine: String
    /// The power it draws in each slot it runs, kW; its length is the job's duration in slots.
    public var powerKW: [Double]
    /// The first slot it may start in.
    public var releaseSlot: Int
    /// The slot by which it should have ended (exclusive end); each slot later costs ``latenessPenaltyPerSlot``.
    public var dueSlot: Int
    /// Penalty per slot of lateness, in the problem's currency.
    public var latenessPenaltyPerSlot: Double
    /// Jobs that must have ended before this one starts.
    public var predecessors: [String]

    /// Creates a job.
    public init(
        id: String, machine: String, powerKW: [Double], releaseSlot: Int = 0, dueSlot: Int,
        latenessPenaltyPerSlot: Double = 0, predecessors: [String] = []
    ) {
        self.id = id
        self.machine = machine
        self.powerKW = powerKW
        self.releaseSlot = releaseSlot
        self.dueSlot = dueSlot
        self.latenessPenaltyPerSlot = latenessPenaltyPerSlot
        self.predecessors = predecessors
    }

    /// Duration in slots.
    public var duration: Int { powerKW.count }

    /// Lateness penalty when the job starts at `start`.
    func latenessCost(start: Int) -> Double {
        Double(max(0, start + duration - dueSlot)) * latenessPenaltyPerSlot
    }
}
