/// What one charge segment says about the cell: the inputs of the state-of-health estimators.
///
/// A CC-CV charge is split where the voltage first reaches the constant-voltage level: the constant-current
/// part before it, the constant-voltage part after it. The voltage window (from
/// ``ChargeFeatureExtractor/Configuration/windowStartV`` to the CV level) is a partial segment between two
/// states of charge that every charge starting below it passes through, however deep the discharge before.
public struct ChargeFeatures: Sendable, Hashable, Codable {
    /// Terminal voltage and temperature when the charge started.
    public var startVoltageV: Double
    public var startTemperatureC: Double
    /// Charge taken in over the whole segment, in Ah.
    public var chargedAh: Double
    /// Charge and time of the constant-current part, in Ah and s.
    public var constantCurrentAh: Double
    public var constantCurrentSeconds: Double
    /// Charge and time of the constant-voltage part, in Ah and s.
    public var constantVoltageAh: Double
    public var constantVoltageSeconds: Double
    /// Charge taken in within the voltage window, in Ah (nil when the charge started above the window).
    public var windowAh: Double?
    /// The current when the charge ended, in A (a completed CC-CV charge ends at its cut-off current).
    public var endCurrentA: Double
    /// The main peak of the smoothed incremental capacity curve: voltage in V and height in Ah/V.
    public var incrementalCapacityPeakV: Double?
    public var incrementalCapacityPeakAhPerV: Double?
    /// Internal resistance from the current steps in the segment, in Ω.
    public var resistanceOhm: Double?
    /// The fastest temperature rise over a minute, in °C/min, and the mean temperature in °C.
    public var temperatureRiseCPerMinute: Double
    public var meanTemperatureC: Double
    /// The segment's length in s.
    public var durationSeconds: Double

    /// Creates features.
    public init(
        startVoltageV: Double, startTemperatureC: Double, chargedAh: Double, constantCurrentAh: Double,
        constantCurrentSeconds: Double, constantVoltageAh: Double, constantVoltageSeconds: Double, windowAh: Double?,
        endCurrentA: Double, incrementalCapacityPeakV: Double?, incrementalCapacityPeakAhPerV: Double?,
        resistanceOhm: Double?, temperatureRiseCPerMinute: Double, meanTemperatureC: Double, durationSeconds: Double
    ) {
        self.startVoltageV = startVoltageV
        self.startTemperatureC = startTemperatureC
        self.chargedAh = chargedAh
        self.constantCurrentAh = constantCurrentAh
        self.constantCurrentSeconds = constantCurrentSeconds
        self.constantVoltageAh = constantVoltageAh
        self.constantVoltageSeconds = constantVoltageSeconds
        self.windowAh = windowAh
        self.endCurrentA = endCurrentA
        self.incrementalCapacityPeakV = incrementalCapacityPeakV
        self.incrementalCapacityPeakAhPerV = incrementalCapacityPeakAhPerV
        self.resistanceOhm = resistanceOhm
        self.temperatureRiseCPerMinute = temperatureRiseCPerMinute
        self.meanTemperatureC = meanTemperatureC
        self.durationSeconds = durationSeconds
    }

    /// Names of ``modelInputs``, in order (stored with a trained model so a mismatch is caught on load).
    public static let modelInputNames = [
        "start_voltage_v", "start_temperature_c", "charged_ah", "cc_ah", "cc_s", "cv_ah", "cv_s", "window_ah",
        "ic_peak_v", "ic_peak_ah_per_v", "resistance_ohm", "temperature_rise_c_per_min", "mean_temperature_c",
    ]

    /// The features as model inputs, `Float.nan` for a missing one, in the order of ``modelInputNames``.
    public var modelInputs: [Float] {
        [
            startVoltageV, startTemperatureC, chargedAh, constantCurrentAh, constantCurrentSeconds, constantVoltageAh,
            constantVoltageSeconds, windowAh ?? .nan, incrementalCapacityPeakV ?? .nan,
            incrementalCapacityPeakAhPerV ?? .nan, resistanceOhm ?? .nan, temperatureRiseCPerMinute, meanTemperatureC,
        ].map(Float.init)
    }
}
