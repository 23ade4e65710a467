public import VoltlineDomain

/// What the rules and the segmenter know about one device, from the device registry. Unknown values
/// stay nil and switch off the checks that need them, rather than guessing and raising false alarms.
public struct DeviceLimits: Sendable, Hashable, Codable {
    /// Cell chemistry of a pack (default NMC, the most common and the stricter upper voltage limit).
    public var chemistry: Chemistry
    /// Cells in series, to turn pack voltage into cell voltage when the BMS reports no cell voltages.
    public var cellsInSeries: Int?
    /// Nominal pack capacity in Ah.
    public var capacityAh: Double?
    /// The largest continuous current as a C-rate, used when ``maxCurrentA`` is unknown.
    public var maxCRate: Double
    /// The largest continuous current in A from the pack's datasheet.
    public var maxCurrentA: Double?
    /// A machine's rated active power in kW.
    public var ratedPowerKW: Double?

    /// Creates limits.
    public init(
        chemistry: Chemistry = .nmc, cellsInSeries: Int? = nil, capacityAh: Double? = nil, maxCRate: Double = 1,
        ratedPowerKW: Double? = nil, maxCurrentA: Double? = nil
    ) {
        self.chemistry = chemistry
        self.cellsInSeries = cellsInSeries
        self.capacityAh = capacityAh
        self.maxCRate = maxCRate
        self.ratedPowerKW = ratedPowerKW
        self.maxCurrentA = maxCurrentA
    }

    /// The pack's current limit in A: its datasheet current, else `maxCRate × capacityAh`.
    public var currentLimitA: Double? { maxCurrentA ?? capacityAh.map { $0 * maxCRate } }
}
