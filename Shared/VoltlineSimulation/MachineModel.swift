import Foundation
import VoltlineBattery
import VoltlineDomain
import VoltlineSupport

/// A three-phase machine behind a power meter: off outside shifts, alternating idle and run periods with
/// short peaks while on shift, and a cumulative energy counter integrated from its active power.
struct MachineModel: DeviceModel {
    /// The machine's nameplate and usage.
    let spec: MachineSpec
    private var random: SplitMix64
    /// This machine's steady deviation from nominal voltage (its cable run, its transformer tap).
    private let voltageOffsetV: Double

    private var state = MachineState.off
    private var secondsLeftInState = Double.infinity
    /// The fraction of rated power and the power factor drawn when the present state began.
    private var stateLevel = 0.0
    private var statePowerFactor = 1.0

    private var powerKW = 0.0
    /// The meter's energy counter in kWh.
    private var energyKWh = 0.0

    /// The supply sags by this fraction of nominal voltage at rated load.
    private static let voltageDropAtRatedLoad = 0.01
    private static let voltageNoiseV = 0.8
    private static let powerFactorNoise = 0.005

    /// Creates a machine, off, drawing its random numbers from `random`.
    init(spec: MachineSpec, random: SplitMix64) {
        self.spec = spec
        self.random = random
        voltageOffsetV = self.random.nextGaussian(standardDeviation: 2)
        enter(.off)
    }

    var physicalFaults: Set<FaultKind> { [] }

    mutating func integrate(from timeMillis: Int64, seconds: Double, faults: FaultLog) {
        let onShift = spec.schedule.isOnShift(atMillis: timeMillis)
        if !onShift, state != .off {
            enter(.off)
        } else if onShift, state == .off {
            enter(.idle)
        }
        secondsLeftInState -= seconds
        if secondsLeftInState <= 0 { enter(nextState()) }

        let load = max(0, stateLevel * (1 + random.nextGaussian(standardDeviation: spec.dutyCycle.noise)))
        powerKW = spec.ratedPowerKW * load
        energyKWh += powerKW * seconds / 3600
    }

    mutating func measure() -> Metrics {
        let powerFactor = min(
            0.99, max(0.05, statePowerFactor + random.nextGaussian(standardDeviation: Self.powerFactorNoise)))
        let voltageV =
            spec.nominalVoltageV * (1 - Self.voltageDropAtRatedLoad * powerKW / spec.ratedPowerKW) + voltageOffsetV
            + random.nextGaussian(standardDeviation: Self.voltageNoiseV)
        // P = √3·V·I·PF and Q = P·tan(φ) with cos(φ) = PF.
        return .machine(
            MachineMetrics(
                activePowerKW: powerKW, reactivePowerKVAR: powerKW * tan(acos(powerFactor)), voltageV: voltageV,
                currentA: powerKW * 1000 / (3.0.squareRoot() * voltageV * powerFactor), powerFactor: powerFactor,
                energyKWh: energyKWh))
    }

    private mutating func nextState() -> MachineState {
        switch state {
        case .off: .off
        case .idle: .peak  // starting work: inrush
        case .peak: .run
        case .run: Double.random(in: 0..<1, using: &random) < spec.dutyCycle.peakChance ? .peak : .idle
        }
    }

    private mutating func enter(_ newState: MachineState) {
        let load = spec.dutyCycle.load(for: newState)
        state = newState
        stateLevel = Double.random(in: load.fraction, using: &random)
        statePowerFactor = Double.random(in: load.powerFactor, using: &random)
        secondsLeftInState = newState == .off ? .infinity : Double.random(in: load.seconds, using: &random)
    }
}
