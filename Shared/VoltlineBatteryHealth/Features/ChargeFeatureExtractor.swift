/// Computes ``ChargeFeatures`` from the samples of one charge segment.
public struct ChargeFeatureExtractor: Sendable {
    /// Settings for the voltage levels of the cell's chemistry.
    public struct Configuration: Sendable, Hashable, Codable {
        /// The constant-voltage level; nil takes the segment's highest voltage less ``cvToleranceV``.
        public var constantVoltageV: Double?
        /// How far below the CV level the voltage counts as having reached it, in V.
        public var cvToleranceV: Double
        /// The lower edge of the voltage window, in V.
        public var windowStartV: Double
        /// The voltage range of the incremental capacity analysis.
        public var incrementalCapacityRange: ClosedRange<Double>
        /// The interval over which the temperature rise rate is measured, in s.
        public var riseIntervalSeconds: Double

        /// Defaults for NMC/NCA cells charged to 4.2 V (the NASA cells).
        public init(
            constantVoltageV: Double? = nil, cvToleranceV: Double = 0.01, windowStartV: Double = 3.9,
            incrementalCapacityRange: ClosedRange<Double> = 3.6...4.2, riseIntervalSeconds: Double = 60
        ) {
            self.constantVoltageV = constantVoltageV
            self.cvToleranceV = cvToleranceV
            self.windowStartV = windowStartV
            self.incrementalCapacityRange = incrementalCapacityRange
            self.riseIntervalSeconds = riseIntervalSeconds
        }
    }

    /// The settings.
    public var configuration: Configuration
    /// Finds the resistance at current steps.
    public var resistance: InternalResistanceEstimator

    /// Creates an extractor.
    public init(configuration: Configuration = Configuration(), resistance: InternalResistanceEstimator = .init()) {
        self.configuration = configuration
        self.resistance = resistance
    }

    /// The features of one charge, or nil for fewer than three samples.
    public func features(of charge: CycleRecording) -> ChargeFeatures? {
        guard charge.count >= 3 else { return nil }
        let time = charge.timeSeconds
        let voltage = charge.voltageV
        let ampHours = CoulombCounter.cumulativeAmpHours(timeSeconds: time, currentA: charge.currentA)
        let cvLevel = (configuration.constantVoltageV ?? voltage.max()!) - configuration.cvToleranceV
        let first = charge.currentA.firstIndex { $0 > 0 } ?? 0
        let cvStart = voltage.indices.first { $0 >= first && voltage[$0] >= cvLevel } ?? charge.count - 1
        let windowStart = voltage[first] < configuration.windowStartV
            ? voltage.indices.first { $0 > first && $0 <= cvStart && voltage[$0] >= configuration.windowStartV } : nil
        let curve = IncrementalCapacity(
            voltageV: Array(voltage[first...cvStart]), ampHours: Array(ampHours[first...cvStart]),
            range: configuration.incrementalCapacityRange)
        return ChargeFeatures(
            startVoltageV: voltage[0], startTemperatureC: charge.temperatureC[0], chargedAh: ampHours.last!,
            constantCurrentAh: ampHours[cvStart] - ampHours[first], constantCurrentSeconds: time[cvStart] - time[first],
            constantVoltageAh: ampHours.last! - ampHours[cvStart], constantVoltageSeconds: time.last! - time[cvStart],
            windowAh: windowStart.map { ampHours[cvStart] - ampHours[$0] }, endCurrentA: charge.currentA.last!,
            incrementalCapacityPeakV: curve.peakVoltageV, incrementalCapacityPeakAhPerV: curve.peakAmpHoursPerVolt,
            resistanceOhm: resistance.resistanceOhm(timeSeconds: time, voltageV: voltage, currentA: charge.currentA),
            temperatureRiseCPerMinute: TemperatureRise.fastestRate(
                timeSeconds: time, temperatureC: charge.temperatureC, intervalSeconds: configuration.riseIntervalSeconds),
            meanTemperatureC: Statistics.mean(charge.temperatureC), durationSeconds: charge.durationSeconds)
    }
}
