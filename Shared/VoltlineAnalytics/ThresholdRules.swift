public import VoltlineDomain

/// Fixed-limit safety and efficiency rules, evaluated on one reading at a time (stateless).
///
/// Pack rules: cell voltage outside the chemistry's window (cell min/max when reported, else pack
/// voltage / cells in series), temperature (pack or hottest cell), current above `maxCRate × capacity`,
/// low state of charge. Machine rules: active power above the rating, low power factor while running.
/// A rule whose inputs are missing (no capacity, no rating, no SOC...) is not evaluated.
public struct ThresholdRules: Sendable, Hashable, Codable {
    /// Temperature levels in °C (reached at or above).
    public var temperatureWarningC = 45.0
    public var temperatureCriticalC = 55.0
    public var temperatureDangerC = 60.0
    /// State-of-charge levels in % (below).
    public var socWarningPercent = 20.0
    public var socCriticalPercent = 10.0
    /// Cell voltage above the window's top by more than this margin (V) is a warning: a BMS holding
    /// constant voltage reads a few millivolts either side of its set point.
    public var cellOvervoltageWarningMarginV = 0.02
    /// Cell voltage above the window's top by more than these margins (V) is critical, then danger.
    public var cellOvervoltageCriticalMarginV = 0.05
    public var cellOvervoltageDangerMarginV = 0.15
    /// Cell voltage below the window's bottom by more than this margin (V) is critical.
    public var cellUndervoltageCriticalMarginV = 0.3
    /// Current above this multiple of the limit is a warning: chargers run at the datasheet maximum, and
    /// current sensors read a few percent either side.
    public var overCurrentWarningFactor = 1.05
    /// Current above this multiple of the limit is critical.
    public var overCurrentCriticalFactor = 1.5
    /// Active power above this multiple of the rating is a warning: meters see a few percent of noise on
    /// a machine running at its rating, which is not yet an overload.
    public var overPowerWarningFactor = 1.1
    /// Active power above this multiple of the rating is critical.
    public var overPowerCriticalFactor = 1.3
    /// Power factor below this while running is a warning.
    public var powerFactorWarning = 0.7
    /// A machine runs above this share of its rating...
    public var runningShareOfRating = 0.5
    /// ...or, when its rating is unknown, above this power in kW.
    public var runningPowerKW = 1.0

    /// Creates rules with the reference limits.
    public init() {}

    /// The rules that fire on `reading`, most serious first.
    public func evaluate(_ reading: Reading, limits: DeviceLimits = DeviceLimits()) -> [RuleFinding] {
        check(reading, limits: limits).filter { $0.level > .normal }.sorted { $0.level > $1.level }.map {
            RuleFinding(
                deviceID: reading.deviceID, timeMillis: reading.timeMillis, ruleID: $0.ruleID, level: $0.level,
                value: $0.value, threshold: $0.threshold, message: $0.message)
        }
    }

    /// Every rule that could be evaluated on `reading`, at its level (normal included).
    func check(_ reading: Reading, limits: DeviceLimits) -> [RuleCheck] {
        switch reading.metrics {
        case .machine(let metrics): check(metrics, limits: limits)
        case .batteryPack(let metrics): check(metrics, limits: limits)
        }
    }

    private func check(_ pack: PackMetrics, limits: DeviceLimits) -> [RuleCheck] {
        var checks: [RuleCheck] = []
        let window = limits.chemistry.cellVoltageWindow
        let cellsInSeries = limits.cellsInSeries.map(Double.init)
        if let high = pack.cellVoltageMaxV ?? cellsInSeries.map({ pack.voltageV / $0 }) {
            let ladder = ThresholdLadder(
                trigger: .above, warning: window.upperBound + cellOvervoltageWarningMarginV,
                critical: window.upperBound + cellOvervoltageCriticalMarginV,
                danger: window.upperBound + cellOvervoltageDangerMarginV)
            checks.append(Self.check(RuleID.cellOvervoltage, high, ladder))
        }
        if let low = pack.cellVoltageMinV ?? cellsInSeries.map({ pack.voltageV / $0 }) {
            let ladder = ThresholdLadder(
                trigger: .below, warning: window.lowerBound,
                critical: window.lowerBound - cellUndervoltageCriticalMarginV)
            checks.append(Self.check(RuleID.cellUndervoltage, low, ladder))
        }
        let hottest = max(pack.temperatureC, pack.cellTemperatureMaxC ?? pack.temperatureC)
        let temperatures = ThresholdLadder(
            trigger: .atOrAbove, warning: temperatureWarningC, critical: temperatureCriticalC,
            danger: temperatureDangerC)
        checks.append(Self.check(RuleID.overTemperature, hottest, temperatures))
        if let limit = limits.currentLimitA {
            let ladder = ThresholdLadder(
                trigger: .above, warning: limit * overCurrentWarningFactor, critical: limit * overCurrentCriticalFactor)
            checks.append(Self.check(RuleID.overCurrent, abs(pack.currentA), ladder))
        }
        if let soc = pack.stateOfChargePercent {
            let ladder = ThresholdLadder(trigger: .below, warning: socWarningPercent, critical: socCriticalPercent)
            checks.append(Self.check(RuleID.lowSOC, soc, ladder))
        }
        return checks
    }

    private func check(_ machine: MachineMetrics, limits: DeviceLimits) -> [RuleCheck] {
        var checks: [RuleCheck] = []
        if let rated = limits.ratedPowerKW {
            let ladder = ThresholdLadder(
                trigger: .above, warning: rated * overPowerWarningFactor, critical: rated * overPowerCriticalFactor)
            checks.append(Self.check(RuleID.overPower, machine.activePowerKW, ladder))
        }
        if let powerFactor = machine.powerFactor {
            let runningKW = limits.ratedPowerKW.map { $0 * runningShareOfRating } ?? runningPowerKW
            // Idle machines draw mostly reactive power: a low factor then is no finding, and it clears one.
            let warning = machine.activePowerKW > runningKW ? powerFactorWarning : -Double.infinity
            let ladder = ThresholdLadder(trigger: .below, warning: warning)
            checks.append(Self.check(RuleID.lowPowerFactor, abs(powerFactor), ladder))
        }
        return checks
    }

    private static func check(_ ruleID: String, _ value: Double, _ ladder: ThresholdLadder) -> RuleCheck {
        let (level, threshold) = ladder.check(value)
        return RuleCheck(ruleID: ruleID, level: level, value: value, threshold: threshold)
    }
}
