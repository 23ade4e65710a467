import Foundation
import VoltlineBattery
import VoltlineDomain
import VoltlineSupport

/// A lithium-ion battery pack with its BMS, running a repeating CC-CV charge, rest, discharge, rest cycle
/// on the equivalent-circuit pack of `VoltlineBattery`: per-element open-circuit voltage, resistance and
/// RC branches, lumped thermal balance, ageing and internal shorts. This type adds the operating cycle,
/// the faults' mapping onto the physics, and the BMS's sensors (offsets and noise).
struct BatteryPackModel: DeviceModel {
    /// The pack's design.
    let spec: BatteryPackSpec
    /// How the pack is operated.
    let operation: CycleProfile
    /// Ambient temperature in °C, towards which the cooling pulls the cells.
    let ambientC: Double
    /// The series element that an internal short strikes, and the one whose sensor drifts, drawn from the seed.
    private let shortedElement: Int
    private let driftingElement: Int
    private let sensorOffsetsC: [Double]
    private var random: SplitMix64

    private var pack: BatteryPack
    private var phase: CyclePhase
    private var secondsLeftInRest = 0.0
    private var dischargeCRate = 0.0
    private var secondsLeftAtLoad = Double.infinity
    /// The simulated time of the first step, which pack time counts from.
    private var startMillis: Int64?
    /// The drift of the drifting sensor in °C.
    private var sensorDriftC = 0.0

    /// With `overheat`, the coolant stands at this temperature and the cells follow it with this time constant.
    private static let overheatCoolantC = 110.0
    private static let overheatTimeConstantSeconds = 300.0
    private static let sensorDriftCPerSecond = 6.0 / 3600
    private static let initialStateOfChargeSpread = 0.005
    private static let sensorOffsetSpreadC = 0.2
    private static let cellVoltageNoiseV = 0.0005
    private static let temperatureNoiseC = 0.1
    private static let currentNoiseFraction = 0.002
    private static let currentNoiseA = 0.01
    /// The BMS's sensors read within these ranges (an NTC thermistor saturates; a cell voltage tap is 0–6 V).
    private static let sensorTemperatureRangeC = -40.0...200.0
    private static let sensorCellVoltageRangeV = 0.0...5.9

    /// Creates a pack at ambient temperature.
    /// - Parameters:
    ///   - spec: the pack's design.
    ///   - operation: its operating cycle.
    ///   - ambientC: ambient temperature in °C.
    ///   - stateOfChargePercent: the initial state of charge; elements scatter slightly around it.
    ///   - phase: where in the cycle the pack starts.
    ///   - ageing: how aged every element is at the start.
    ///   - random: the pack's random numbers.
    init(
        spec: BatteryPackSpec, operation: CycleProfile, ambientC: Double, stateOfChargePercent: Double,
        phase: CyclePhase, ageing: AgeingState, random: SplitMix64
    ) {
        self.spec = spec
        self.operation = operation
        self.ambientC = ambientC
        var random = random
        pack = BatteryPack(
            configuration: spec.packConfiguration, stateOfCharge: stateOfChargePercent / 100, temperatureC: ambientC,
            stateOfChargeSpread: Self.initialStateOfChargeSpread, ageing: ageing, random: &random)
        sensorOffsetsC = (0..<spec.cellsInSeries).map { _ in
            random.nextGaussian(standardDeviation: Self.sensorOffsetSpreadC)
        }
        shortedElement = Int.random(in: 0..<spec.cellsInSeries, using: &random)
        driftingElement = Int.random(in: 0..<spec.cellsInSeries, using: &random)
        self.random = random
        self.phase = phase
        enter(phase)
    }

    var physicalFaults: Set<FaultKind> { [.overheat, .coolingFailure, .overcharge, .internalShort, .sensorDrift] }

    var thermalEvents: PackThermalEvents? {
        guard let startMillis else { return PackThermalEvents(selfHeatingOnsetMillis: nil, runawayMillis: nil) }
        func millis(_ seconds: Double?) -> Int64? { seconds.map { startMillis + Int64(($0 * 1000).rounded()) } }
        return PackThermalEvents(
            selfHeatingOnsetMillis: millis(pack.timeline.selfHeatingOnsetSeconds),
            runawayMillis: millis(pack.timeline.runawaySeconds))
    }

    mutating func integrate(from timeMillis: Int64, seconds: Double, faults: FaultLog) {
        if startMillis == nil { startMillis = timeMillis }
        let overcharging = faults.active(.overcharge, at: timeMillis) != nil
        if faults.active(.internalShort, at: timeMillis) != nil {
            pack.startInternalShort(inElement: shortedElement, InternalShort())
        }
        if faults.active(.sensorDrift, at: timeMillis) != nil { sensorDriftC += Self.sensorDriftCPerSecond * seconds }
        var environment = PackEnvironment(ambientC: ambientC)
        if faults.active(.coolingFailure, at: timeMillis) != nil {
            environment.coolingEffectiveness = PackEnvironment.failedCoolingEffectiveness
        }
        if faults.active(.overheat, at: timeMillis) != nil {
            environment = PackEnvironment(
                ambientC: Self.overheatCoolantC,
                coolingEffectiveness: spec.coolingTimeConstantSeconds / Self.overheatTimeConstantSeconds)
        }
        let current = commandedCurrent(overcharging: overcharging, seconds: seconds)
        pack.step(currentA: current, seconds: seconds, environment: environment)
        advancePhase(seconds: seconds, overcharging: overcharging)
    }

    mutating func measure() -> Metrics {
        var packVoltage = 0.0
        var cellVoltages = (low: Double.infinity, high: -Double.infinity)
        var temperatures = (low: Double.infinity, high: -Double.infinity, sum: 0.0)
        for (index, element) in pack.elements.enumerated() {
            let voltage = element.terminalVoltageV
            packVoltage += voltage
            let sensedVoltage = (voltage + random.nextGaussian(standardDeviation: Self.cellVoltageNoiseV))
                .clamped(to: Self.sensorCellVoltageRangeV)
            cellVoltages = (min(cellVoltages.low, sensedVoltage), max(cellVoltages.high, sensedVoltage))
            let drift = index == driftingElement ? sensorDriftC : 0
            let sensedTemperature =
                (element.temperatureC + sensorOffsetsC[index] + drift
                + random.nextGaussian(standardDeviation: Self.temperatureNoiseC))
                .clamped(to: Self.sensorTemperatureRangeC)
            temperatures = (
                min(temperatures.low, sensedTemperature), max(temperatures.high, sensedTemperature),
                temperatures.sum + sensedTemperature
            )
        }
        let current = pack.currentA
        let currentNoise = Self.currentNoiseA + Self.currentNoiseFraction * abs(current)
        return .batteryPack(
            PackMetrics(
                voltageV: max(0, packVoltage), currentA: current + random.nextGaussian(standardDeviation: currentNoise),
                temperatureC: temperatures.sum / Double(pack.elements.count),
                stateOfChargePercent: min(100, max(0, pack.countedStateOfCharge * 100)),
                cellVoltageMinV: cellVoltages.low, cellVoltageMaxV: cellVoltages.high,
                cellTemperatureMinC: temperatures.low, cellTemperatureMaxC: temperatures.high))
    }

    /// The current the charger or load drives in the present phase, for a step of `seconds`.
    private func commandedCurrent(overcharging: Bool, seconds: Double) -> Double {
        switch phase {
        case .charging:
            let constantCurrent = min(operation.chargeCRate * spec.capacityAh, spec.maxChargeCurrentA)
            // A failed charger keeps pushing its constant current whatever the cell voltages.
            let mode: OperatingMode =
                overcharging
                ? .constantCurrent(amps: constantCurrent)
                : .constantCurrentConstantVoltage(amps: constantCurrent, cellVoltageLimitV: spec.chargeVoltageCellV)
            return mode.current(into: pack, seconds: seconds, secondsInMode: 0)
        case .discharging:
            return -min(dischargeCRate * spec.capacityAh, spec.maxDischargeCurrentA)
        case .restingAfterCharge, .restingAfterDischarge:
            return 0
        }
    }

    private mutating func advancePhase(seconds: Double, overcharging: Bool) {
        switch phase {
        case .charging:
            if !overcharging, pack.currentA <= operation.cutoffCRate * spec.capacityAh { enter(.restingAfterCharge) }
        case .discharging:
            secondsLeftAtLoad -= seconds
            if secondsLeftAtLoad <= 0 { drawLoad() }
            let reading = pack.reading
            if reading.cellVoltageMinV <= spec.dischargeCutoffCellV
                || reading.stateOfChargePercent <= operation.dischargeFloorPercent
            {
                enter(.restingAfterDischarge)
            }
        case .restingAfterCharge, .restingAfterDischarge:
            secondsLeftInRest -= seconds
            if secondsLeftInRest <= 0 { enter(phase.next) }
        }
    }

    private mutating func enter(_ newPhase: CyclePhase) {
        phase = newPhase
        switch newPhase {
        case .charging: break
        case .restingAfterCharge: secondsLeftInRest = operation.restAfterChargeSeconds
        case .discharging: drawLoad()
        case .restingAfterDischarge: secondsLeftInRest = operation.restAfterDischargeSeconds
        }
    }

    /// Sets the discharge C-rate, and for a variable load how long it holds.
    private mutating func drawLoad() {
        switch operation.discharge {
        case .constant(let cRate):
            dischargeCRate = cRate
            secondsLeftAtLoad = .infinity
        case .variable(let cRate, let holdSeconds):
            dischargeCRate = Double.random(in: cRate, using: &random)
            secondsLeftAtLoad = Double.random(in: holdSeconds, using: &random)
        }
    }
}

extension Double {
    fileprivate func clamped(to range: ClosedRange<Double>) -> Double {
        Swift.min(range.upperBound, Swift.max(range.lowerBound, self))
    }
}
