/// One line of the result table: our client beside the server's own tool doing the same work.
struct BenchRow: Encodable, Sendable {
    /// What is measured, for example `mqtt publish→receive QoS 1`.
    var scenario: String
    /// `msg` or `row`.
    var unit: String
    /// Our client library.
    var ours: Measurement
    /// The server's tool.
    var tool: Measurement
    /// The bench process's peak resident set during the scenario, in bytes (`nil` when unknown).
    var peakRSSBytes: Int?

    /// Our rate divided by the tool's; above 1 means our client was faster.
    var ratio: Double { tool.rate > 0 ? ours.rate / tool.rate : 0 }

    private enum CodingKeys: String, CodingKey {
        case scenario, unit, ours, tool, peakRSSBytes, ratio
    }

    init(scenario: String, unit: String, ours: Measurement, tool: Measurement, peakRSSBytes: Int?) {
        self.scenario = scenario
        self.unit = unit
        self.ours = ours
        self.tool = tool
        self.peakRSSBytes = peakRSSBytes
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scenario, forKey: .scenario)
        try container.encode(unit, forKey: .unit)
        try container.encode(ours, forKey: .ours)
        try container.encode(tool, forKey: .tool)
        try container.encodeIfPresent(peakRSSBytes, forKey: .peakRSSBytes)
        try container.encode(ratio, forKey: .ratio)
    }
}
