public import VoltlineAnalytics
public import VoltlineDomain

/// Follows each pack's readings and keeps its thermal-runaway precursors current.
///
/// From a short history per pack it measures the temperature rise rate (least-squares slope over
/// ``Configuration/riseWindowSeconds``), and, once the pack has rested long enough, the temperature and
/// lowest-cell-voltage slopes at rest: heating at rest needs ``Configuration/restHeatingSettleSeconds`` of rest
/// (the heat of the last load has left), a voltage drop at rest needs ``Configuration/restVoltageSettleSeconds``
/// (relaxation after a charge is over). The cell voltage spread is judged at rest too, after the heating
/// settling time: under load it mostly shows the cells' resistance spread, and near the ends of an LFP
/// charge or discharge its steep knees (so it is only judged within ``Configuration/spreadStateOfChargePercent``
/// when the pack reports its state of charge). Temperature spread and overvoltage come from every reading.
/// Readings must arrive in event-time order per pack; older ones are ignored.
public struct PackRiskMonitor: Sendable {
    /// Settings.
    public struct Configuration: Sendable, Hashable, Codable {
        /// Span of the temperature rise rate, in s.
        public var riseWindowSeconds: Double
        /// Span of the slopes at rest, in s.
        public var restWindowSeconds: Double
        /// Rest needed before heating at rest is judged, in s.
        public var restHeatingSettleSeconds: Double
        /// Rest needed before a voltage drop at rest is judged, in s.
        public var restVoltageSettleSeconds: Double
        /// Current below `deadBandCRate × capacity` (or ``deadBandA`` without a capacity) is rest.
        public var deadBandCRate: Double
        public var deadBandA: Double
        /// A silence longer than this restarts the pack's history, in s.
        public var maxGapSeconds: Double
        /// The state-of-charge range in which the cell voltage spread is judged, in %.
        public var spreadStateOfChargePercent: ClosedRange<Double>

        /// Creates settings.
        public init(
            riseWindowSeconds: Double = 120, restWindowSeconds: Double = 600, restHeatingSettleSeconds: Double = 600,
            restVoltageSettleSeconds: Double = 1800, deadBandCRate: Double = 0.02, deadBandA: Double = 0.5,
            spreadStateOfChargePercent: ClosedRange<Double> = 15...90, maxGapSeconds: Double = 60
        ) {
            self.maxGapSeconds = maxGapSeconds
            self.spreadStateOfChargePercent = spreadStateOfChargePercent
            self.riseWindowSeconds = riseWindowSeconds
            self.restWindowSeconds = restWindowSeconds
            self.restHeatingSettleSeconds = restHeatingSettleSeconds
            self.restVoltageSettleSeconds = restVoltageSettleSeconds
            self.deadBandCRate = deadBandCRate
            self.deadBandA = deadBandA
        }
    }

    private struct Sample: Sendable {
        let seconds: Double
        let temperatureC: Double
        let lowestCellV: Double?
    }

    private struct PackState: Sendable {
        var samples: [Sample] = []
        var lastMillis: Int64 = .min
        var restStartSeconds: Double?
        var latest = ThermalRiskAssessment(level: .normal, findings: [])
    }

    /// The settings.
    public let configuration: Configuration
    /// Turns precursors into a level.
    public let assessor: ThermalRiskAssessor
    private var packs: [String: PackState] = [:]

    /// Creates a monitor with no history.
    public init(configuration: Configuration = Configuration(), assessor: ThermalRiskAssessor = ThermalRiskAssessor()) {
        self.configuration = configuration
        self.assessor = assessor
    }

    /// Adds a pack reading and returns the pack's precursors and risk after it.
    /// - Parameters:
    ///   - deviceID: the pack.
    ///   - timeMillis: event time.
    ///   - metrics: the reading.
    ///   - limits: chemistry (maximum cell voltage), cells in series and capacity (rest dead band).
    /// - Returns: nil for a reading not later than the pack's previous one.
    public mutating func ingest(deviceID: String, timeMillis: Int64, metrics: PackMetrics, limits: DeviceLimits)
        -> (precursors: PackPrecursors, assessment: ThermalRiskAssessment)?
    {
        var state = packs[deviceID] ?? PackState()
        guard timeMillis > state.lastMillis else { return nil }
        state.lastMillis = timeMillis
        let seconds = Double(timeMillis) / 1000
        let hottest = max(metrics.temperatureC, metrics.cellTemperatureMaxC ?? metrics.temperatureC)
        let lowestCell = metrics.cellVoltageMinV ?? limits.cellsInSeries.map { metrics.voltageV / Double($0) }
        let highestCell = metrics.cellVoltageMaxV ?? limits.cellsInSeries.map { metrics.voltageV / Double($0) }
        let deadBand = limits.capacityAh.map { $0 * configuration.deadBandCRate } ?? configuration.deadBandA
        if abs(metrics.currentA) > deadBand {
            state.restStartSeconds = nil
        } else if state.restStartSeconds == nil {
            state.restStartSeconds = seconds
        }
        if let previous = state.samples.last, seconds - previous.seconds > configuration.maxGapSeconds {
            // A slope across a silence would read a jump as a rate: start the history afresh.
            state.samples.removeAll()
            state.restStartSeconds = state.restStartSeconds.map { _ in seconds }
        }
        state.samples.append(Sample(seconds: seconds, temperatureC: hottest, lowestCellV: lowestCell))
        let keep = max(configuration.riseWindowSeconds, configuration.restWindowSeconds)
        if let stale = state.samples.firstIndex(where: { seconds - $0.seconds <= keep }), stale > 0 {
            state.samples.removeFirst(stale)
        }
        let rested = state.restStartSeconds.map { seconds - $0 } ?? 0
        let precursors = PackPrecursors(
            temperatureRiseCPerMinute: slope(state.samples, over: configuration.riseWindowSeconds, now: seconds) {
                $0.temperatureC
            }.map { $0 * 60 },
            restSelfHeatingCPerMinute: rested >= configuration.restHeatingSettleSeconds
                ? slope(state.samples, over: configuration.restWindowSeconds, now: seconds) { $0.temperatureC }
                    .map { $0 * 60 } : nil,
            restVoltageDropMVPerHour: rested >= configuration.restVoltageSettleSeconds
                ? slope(state.samples, over: configuration.restWindowSeconds, now: seconds) { $0.lowestCellV }
                    .map { -$0 * 3_600_000 } : nil,
            cellVoltageSpreadV: rested >= configuration.restHeatingSettleSeconds
                && configuration.spreadStateOfChargePercent.contains(metrics.stateOfChargePercent ?? 50)
                ? both(metrics.cellVoltageMaxV, metrics.cellVoltageMinV).map { $0 - $1 } : nil,
            cellTemperatureSpreadC: both(metrics.cellTemperatureMaxC, metrics.cellTemperatureMinC).map { $0 - $1 },
            overvoltageV: highestCell.map { $0 - limits.chemistry.cellVoltageWindow.upperBound })
        state.latest = assessor.assess(precursors)
        packs[deviceID] = state
        return (precursors, state.latest)
    }

    /// The latest assessment of a pack, or nil before its first reading.
    public func assessment(for deviceID: String) -> ThermalRiskAssessment? {
        packs[deviceID]?.latest
    }

    /// The least-squares slope per second of `value` over the samples of the last `span` seconds, or nil when
    /// they cover less than half the span.
    private func slope(_ samples: [Sample], over span: Double, now: Double, _ value: (Sample) -> Double?) -> Double? {
        let recent = samples.filter { now - $0.seconds <= span }
        guard let first = recent.first, now - first.seconds >= span / 2 else { return nil }
        var x: [Double] = []
        var y: [Double] = []
        for sample in recent {
            guard let v = value(sample) else { return nil }
            x.append(sample.seconds - first.seconds)
            y.append(v)
        }
        return WeightedLine(x: x, y: y, weights: Array(repeating: 1, count: x.count))?.slope
    }
}

private func both(_ a: Double?, _ b: Double?) -> (Double, Double)? {
    guard let a, let b else { return nil }
    return (a, b)
}
