import Foundation
import VoltlineBattery
import VoltlineDomain

/// A lithium-ion battery pack with its BMS, running a repeating CC-CV charge, rest, discharge, rest cycle.
///
/// Each series element (its parallel cells lumped into one) has its own capacity, resistance, state of
/// charge and temperature, so the BMS sees a spread of cell voltages and temperatures. An element's
/// terminal voltage is its open-circuit voltage plus the ohmic drop; its temperature follows a lumped
/// thermal model: Joule heat I²R against cooling towards ambient with the pack's time constant. The BMS's
/// state of charge is coulomb-counted from the pack current. Capacity fades and resistance grows with
/// charge throughput (equivalent full cycles).
struct BatteryPackModel: DeviceModel {
    /// The pack's design.
    let spec: BatteryPackSpec
    /// How the pack is operated.
    let operation: CycleProfile
    /// Ambient temperature in °C, towards which the cooling pulls the cells.
    let ambientC: Double
    /// The series element that an internal short strikes, drawn from the seed.
    private let shortedElement: Int
    private let curve: OpenCircuitVoltageCurve
    private let fullVoltage: Double
    private var random: SplitMix64

    private var elements: [SeriesElement]
    private var phase: CyclePhase
    private var secondsLeftInRest = 0.0
    private var dischargeCRate = 0.0
    private var secondsLeftAtLoad = Double.infinity
    /// Pack current in A, positive while charging.
    private var currentA = 0.0
    /// The BMS's coulomb-counted state of charge, 0...1; it cannot see current that leaks inside a cell.
    private var countedStateOfCharge: Double
    /// Charge throughput in equivalent full cycles.
    private var equivalentFullCycles = 0.0

    /// With `overheat`, the cooling loop stalls and its coolant, heated by the power electronics that share
    /// it, stands at this temperature; the cells follow it with the shorter time constant.
    private static let overheatCoolantC = 110.0
    private static let overheatTimeConstantSeconds = 300.0
    /// With `internalShort`, the leakage starts at this C-rate and grows exponentially up to a ceiling.
    private static let leakageInitialCRate = 0.05
    private static let leakageMaxCRate = 0.3
    private static let leakageGrowthSeconds = 900.0
    /// An overcharged element's state of charge stops here; charge pushed beyond full all turns into heat.
    private static let overchargeLimit = 1.15
    private static let initialStateOfChargeSpread = 0.005
    private static let coolingSpread = 0.1
    private static let sensorOffsetSpreadC = 0.2
    private static let cellVoltageNoiseV = 0.0005
    private static let temperatureNoiseC = 0.1
    private static let currentNoiseFraction = 0.002
    private static let currentNoiseA = 0.01

    /// Creates a pack at ambient temperature.
    /// - Parameters:
    ///   - spec: the pack's design.
    ///   - operation: its operating cycle.
    ///   - ambientC: ambient temperature in °C.
    ///   - stateOfChargePercent: the initial state of charge; elements scatter slightly around it.
    ///   - phase: where in the cycle the pack starts.
    ///   - random: the pack's random numbers.
    init(
        spec: BatteryPackSpec, operation: CycleProfile, ambientC: Double, stateOfChargePercent: Double,
        phase: CyclePhase, random: SplitMix64
    ) {
        self.spec = spec
        self.operation = operation
        self.ambientC = ambientC
        let curve = spec.chemistry.openCircuitVoltage
        self.curve = curve
        fullVoltage = curve.voltage(atStateOfCharge: 1)
        let parallel = Double(spec.cellsInParallel)
        let initial = stateOfChargePercent / 100
        var random = random
        elements = (0..<spec.cellsInSeries).map { _ in
            let stateOfCharge = min(
                1, max(0, initial + random.nextGaussian(standardDeviation: Self.initialStateOfChargeSpread)))
            let cooling = 1 + random.nextGaussian(standardDeviation: Self.coolingSpread)
            return SeriesElement(
                capacityAh: spec.capacityAh * (1 + random.nextGaussian(standardDeviation: spec.capacitySpread)),
                resistanceOhm: spec.cellResistanceOhm / parallel
                    * (1 + random.nextGaussian(standardDeviation: spec.resistanceSpread)),
                heatCapacityJPerK: spec.cellHeatCapacityJPerK * parallel,
                coolingTimeConstantSeconds: spec.coolingTimeConstantSeconds / min(1.3, max(0.7, cooling)),
                sensorOffsetC: random.nextGaussian(standardDeviation: Self.sensorOffsetSpreadC),
                stateOfCharge: stateOfCharge, openCircuitVoltage: curve.voltage(atStateOfCharge: stateOfCharge),
                temperatureC: ambientC)
        }
        shortedElement = Int.random(in: 0..<spec.cellsInSeries, using: &random)
        self.random = random
        countedStateOfCharge = initial
        self.phase = phase
        enter(phase)
    }

    var physicalFaults: Set<FaultKind> { [.overheat, .overcharge, .internalShort] }

    mutating func integrate(from timeMillis: Int64, seconds: Double, faults: FaultLog) {
        let overcharging = faults.active(.overcharge, at: timeMillis) != nil
        let overheating = faults.active(.overheat, at: timeMillis) != nil
        let shortOnset = faults.active(.internalShort, at: timeMillis)?.onsetMillis
        elements[shortedElement].leakageA = shortOnset.map { leakage(secondsSinceOnset: Double(timeMillis - $0) / 1000) } ?? 0
        currentA = commandedCurrent(overcharging: overcharging)

        let fade = 1 - spec.capacityFadePerCycle * equivalentFullCycles
        let growth = 1 + spec.resistanceGrowthPerCycle * equivalentFullCycles
        for index in elements.indices {
            var element = elements[index]
            let internalCurrent = currentA - element.leakageA
            element.stateOfCharge = min(
                Self.overchargeLimit,
                max(0, element.stateOfCharge + internalCurrent * seconds / 3600 / element.capacityAh))
            element.openCircuitVoltage = curve.voltage(atStateOfCharge: element.stateOfCharge)
            // Joule heat, the short's dissipation, and charge pushed past full going into side reactions.
            let heatW =
                internalCurrent * internalCurrent * element.resistanceOhm
                + element.leakageA * element.openCircuitVoltage
                + max(0, currentA) * max(0, element.openCircuitVoltage - fullVoltage)
            let (coolantC, timeConstant) =
                overheating
                ? (Self.overheatCoolantC, Self.overheatTimeConstantSeconds)
                : (ambientC, element.coolingTimeConstantSeconds)
            element.temperatureC +=
                seconds * (heatW / element.heatCapacityJPerK - (element.temperatureC - coolantC) / timeConstant)
            element.capacityAh = element.freshCapacityAh * fade
            element.resistanceOhm = element.freshResistanceOhm * growth
            elements[index] = element
        }
        countedStateOfCharge += currentA * seconds / 3600 / (spec.capacityAh * fade)
        equivalentFullCycles += abs(currentA) * seconds / 3600 / (2 * spec.capacityAh)
        advancePhase(seconds: seconds, overcharging: overcharging)
    }

    mutating func measure() -> Metrics {
        var packVoltage = 0.0
        var cellVoltages = (low: Double.infinity, high: -Double.infinity)
        var temperatures = (low: Double.infinity, high: -Double.infinity, sum: 0.0)
        for element in elements {
            let voltage = element.terminalVoltage(packCurrentA: currentA)
            packVoltage += voltage
            let sensedVoltage = voltage + random.nextGaussian(standardDeviation: Self.cellVoltageNoiseV)
            cellVoltages = (min(cellVoltages.low, sensedVoltage), max(cellVoltages.high, sensedVoltage))
            let sensedTemperature =
                element.temperatureC + element.sensorOffsetC
                + random.nextGaussian(standardDeviation: Self.temperatureNoiseC)
            temperatures = (
                min(temperatures.low, sensedTemperature), max(temperatures.high, sensedTemperature),
                temperatures.sum + sensedTemperature
            )
        }
        let currentNoise = Self.currentNoiseA + Self.currentNoiseFraction * abs(currentA)
        return .batteryPack(
            PackMetrics(
                voltageV: packVoltage, currentA: currentA + random.nextGaussian(standardDeviation: currentNoise),
                temperatureC: temperatures.sum / Double(elements.count),
                stateOfChargePercent: min(100, max(0, countedStateOfCharge * 100)),
                cellVoltageMinV: cellVoltages.low, cellVoltageMaxV: cellVoltages.high,
                cellTemperatureMinC: temperatures.low, cellTemperatureMaxC: temperatures.high))
    }

    /// The current the charger or load drives in the present phase.
    private func commandedCurrent(overcharging: Bool) -> Double {
        switch phase {
        case .charging:
            let constantCurrent = min(operation.chargeCRate * spec.capacityAh, spec.maxChargeCurrentA)
            // A failed charger keeps pushing its constant current whatever the cell voltages.
            guard !overcharging else { return constantCurrent }
            // Constant voltage: the highest current that keeps every element at or below the charge voltage.
            let limited = elements.reduce(constantCurrent) { min($0, $1.currentLimit(atVoltage: spec.chargeVoltageCellV)) }
            return max(0, limited)
        case .discharging:
            return -min(dischargeCRate * spec.capacityAh, spec.maxDischargeCurrentA)
        case .restingAfterCharge, .restingAfterDischarge:
            return 0
        }
    }

    /// The internal short's leakage current in A, or zero once the element is empty.
    private func leakage(secondsSinceOnset: Double) -> Double {
        let element = elements[shortedElement]
        guard element.stateOfCharge > 0 else { return 0 }
        let cRate = min(Self.leakageMaxCRate, Self.leakageInitialCRate * exp(secondsSinceOnset / Self.leakageGrowthSeconds))
        return cRate * element.capacityAh
    }

    private mutating func advancePhase(seconds: Double, overcharging: Bool) {
        switch phase {
        case .charging:
            if !overcharging, currentA <= operation.cutoffCRate * spec.capacityAh { enter(.restingAfterCharge) }
        case .discharging:
            secondsLeftAtLoad -= seconds
            if secondsLeftAtLoad <= 0 { drawLoad() }
            let lowest = elements.reduce(Double.infinity) { min($0, $1.terminalVoltage(packCurrentA: currentA)) }
            if lowest <= spec.dischargeCutoffCellV || countedStateOfCharge * 100 <= operation.dischargeFloorPercent {
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
