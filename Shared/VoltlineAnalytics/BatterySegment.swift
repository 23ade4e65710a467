/// One finished charge, discharge or rest segment of a pack: what the features service writes to
/// `battery_cycles`. Throughput values are magnitudes; ``meanCurrentA`` keeps the sign.
public struct BatterySegment: Sendable, Hashable, Codable {
    /// The pack.
    public var deviceID: String
    /// Charge, discharge or rest.
    public var kind: SegmentKind
    /// Event time of the first sample, ms since the Unix epoch.
    public var startMillis: Int64
    /// Event time the segment ended: the first sample of the next segment, or the last sample when the
    /// data stopped.
    public var endMillis: Int64
    /// `endMillis - startMillis` in seconds.
    public var durationSeconds: Double
    /// Samples in the segment.
    public var sampleCount: Int
    /// Charge moved, in Ah (current integrated over time, zero-order hold).
    public var ampHours: Double
    /// Energy moved, in kWh.
    public var energyKWh: Double
    /// Time-weighted mean current in A.
    public var meanCurrentA: Double
    /// State of charge at the start and end in %, when reported.
    public var startSOCPercent: Double?
    public var endSOCPercent: Double?
    /// Pack voltage at the start and end, and its extremes, in V.
    public var startVoltageV: Double
    public var endVoltageV: Double
    public var minVoltageV: Double
    public var maxVoltageV: Double
    /// Pack temperature at the start and its maximum, in °C.
    public var startTemperatureC: Double
    public var maxTemperatureC: Double
    /// Temperature rise from the start to the maximum per minute taken to reach it, in °C/min (0 if none).
    public var temperatureRiseCPerMinute: Double
    /// This segment's equivalent full cycles, `ampHours / (2 × capacity)`, when the capacity is known.
    public var equivalentFullCycles: Double?
}
