/// A machine's energy and demand over one 15-minute interval aligned to :00, :15, :30, :45 UTC:
/// what the features service writes to `energy_15m`.
public struct DemandInterval: Sendable, Hashable, Codable {
    /// The machine.
    public var deviceID: String
    /// Interval start, ms since the Unix epoch; the interval is `[start, start + 15 min)`.
    public var intervalStartMillis: Int64
    /// Energy used in the interval, in kWh.
    public var energyKWh: Double
    /// How ``energyKWh`` was measured.
    public var energySource: EnergySource
    /// Demand: the average power over the whole interval, `energyKWh / 0.25 h`, in kW (the utility's
    /// definition, so a gap in the data lowers it; check ``completeness``).
    public var demandKW: Double
    /// The highest sampled active power in kW.
    public var peakKW: Double
    /// Readings in the interval.
    public var sampleCount: Int
    /// Share of the interval covered by samples held at most the maximum hold time, 0...1.
    public var completeness: Double

    /// Creates an interval record.
    public init(
        deviceID: String, intervalStartMillis: Int64, energyKWh: Double, energySource: EnergySource,
        demandKW: Double, peakKW: Double, sampleCount: Int, completeness: Double
    ) {
        self.deviceID = deviceID
        self.intervalStartMillis = intervalStartMillis
        self.energyKWh = energyKWh
        self.energySource = energySource
        self.demandKW = demandKW
        self.peakKW = peakKW
        self.sampleCount = sampleCount
        self.completeness = completeness
    }
}
