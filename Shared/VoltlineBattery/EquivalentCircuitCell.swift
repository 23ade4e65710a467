import Foundation

/// A lithium-ion cell as an equivalent circuit (open-circuit voltage source, series resistance, two RC
/// branches) coupled to a lumped thermal model, an ageing state and, when one develops, an internal short.
///
/// Currents are positive when charging. ``step(currentA:seconds:environment:)`` advances the state with a
/// fixed step that stays accurate and stable at tens of seconds: the RC branches and the temperature are
/// updated with their exact exponential solutions for a current held over the step, and the stiff
/// self-heating of a cell near runaway is sub-stepped.
public struct EquivalentCircuitCell: Sendable, Hashable {
    /// The cell's parameters (for a parallel group, the lumped parameters).
    public let parameters: CellParameters
    /// State of charge, 0...1 of the present usable capacity; above 1 when overcharged.
    public private(set) var stateOfCharge: Double
    /// Voltages across the RC branches in V.
    public private(set) var branchVoltages: [Double]
    /// Temperature in °C.
    public private(set) var temperatureC: Double
    /// Ageing so far.
    public var ageing: AgeingState
    /// A developing internal short, once one has started.
    public private(set) var internalShort: InternalShort?
    /// The current of the last step in A and the terminal voltage at its end in V.
    public private(set) var currentA = 0.0
    public private(set) var terminalVoltageV: Double
    /// The leakage through an internal short in A, over the last step.
    public private(set) var leakageA = 0.0
    /// The heat generated in the last step in W, and the part of it from exothermic decomposition.
    public private(set) var heatW = 0.0
    public private(set) var selfHeatingRateKPerS = 0.0
    /// The fraction of the decomposition reactants not yet consumed.
    public private(set) var reactantsRemaining = 1.0

    /// Sub-steps keep the self-heating temperature change per sub-step below this, in K.
    private static let maxSelfHeatingStepK = 0.5
    private static let maxSubsteps = 2000

    /// Creates a cell at rest.
    /// - Parameters:
    ///   - parameters: the cell type.
    ///   - stateOfCharge: the initial state of charge, 0...1.
    ///   - temperatureC: the initial temperature.
    ///   - ageing: the ageing it starts with; fresh by default.
    public init(parameters: CellParameters, stateOfCharge: Double, temperatureC: Double, ageing: AgeingState = AgeingState()) {
        self.parameters = parameters
        self.stateOfCharge = stateOfCharge
        self.temperatureC = temperatureC
        self.ageing = ageing
        branchVoltages = parameters.rcPairs.map { _ in 0 }
        terminalVoltageV = parameters.openCircuitVoltage.voltage(atStateOfCharge: stateOfCharge)
    }

    /// The capacity the cell holds now in Ah: rated, less its fade, less the cold's toll.
    public var capacityAh: Double {
        parameters.capacityAh * ageing.capacityRetention
            * (1 - parameters.coldCapacityLossPerK * max(0, min(40, 25 - temperatureC)))
    }

    /// The open-circuit voltage now in V.
    public var openCircuitVoltageV: Double { parameters.openCircuitVoltage.voltage(atStateOfCharge: stateOfCharge) }

    /// How much every resistance is multiplied now: Arrhenius in temperature, rising towards empty, grown with age.
    public var resistanceFactor: Double {
        let cold = 1 / Arrhenius.factor(activationEnergy: parameters.resistanceActivationEnergy, temperatureC: temperatureC)
        let empty = 1 + parameters.lowChargeResistanceRise * exp(-max(0, stateOfCharge) / parameters.lowChargeResistanceWidth)
        return cold * empty * ageing.resistanceGrowth(parameters.ageing)
    }

    /// The terminal voltage at the end of a step of `seconds` at current `I` is, to first order,
    /// `intercept + slope · I`: what a charger needs to hold a voltage and a load to draw a power.
    public func linearizedVoltage(seconds: Double) -> (intercept: Double, slope: Double) {
        let factor = resistanceFactor
        var intercept = openCircuitVoltageV
        var slope = parameters.seriesResistanceOhm * factor
        for (pair, voltage) in zip(parameters.rcPairs, branchVoltages) {
            let decay = exp(-seconds / pair.timeConstantSeconds)
            intercept += voltage * decay
            slope += pair.resistanceOhm * factor * (1 - decay)
        }
        let capacity = capacityAh
        let delta = 1e-4
        let ocvSlope =
            (parameters.openCircuitVoltage.voltage(atStateOfCharge: stateOfCharge + delta) - openCircuitVoltageV) / delta
        slope += ocvSlope * seconds / 3600 / capacity
        // The leakage flows through the same impedance, in the discharging direction.
        intercept -= leakageA * slope
        return (intercept, slope)
    }

    /// Starts an internal short now (a short already developing is kept).
    public mutating func startInternalShort(_ short: InternalShort) {
        if internalShort == nil { internalShort = short }
    }

    /// Advances the cell by one step with a constant current.
    /// - Parameters:
    ///   - currentA: the terminal current, positive charging.
    ///   - seconds: the step length.
    ///   - environment: the coolant or air the cell gives its heat to.
    public mutating func step(currentA: Double, seconds: Double, environment: ThermalEnvironment) {
        let capacity = capacityAh
        let factor = resistanceFactor
        let openCircuit = openCircuitVoltageV
        if var short = internalShort {
            let resistance = short.resistanceOhm(capacityAh: parameters.capacityAh, nominalVoltageV: parameters.nominalVoltageV)
            leakageA = stateOfCharge > 0 ? max(0, openCircuit) / resistance : 0
            short.advance(seconds: seconds)
            internalShort = short
        }
        let internalCurrent = currentA - leakageA
        var branchSum = 0.0
        for index in branchVoltages.indices {
            let pair = parameters.rcPairs[index]
            let decay = exp(-seconds / pair.timeConstantSeconds)
            branchVoltages[index] = branchVoltages[index] * decay + pair.resistanceOhm * factor * internalCurrent * (1 - decay)
            branchSum += branchVoltages[index]
        }
        stateOfCharge += internalCurrent * seconds / 3600 / capacity
        let newOpenCircuit = openCircuitVoltageV
        terminalVoltageV = newOpenCircuit + internalCurrent * parameters.seriesResistanceOhm * factor + branchSum
        self.currentA = currentA

        // Irreversible heat in the resistances, the short's dissipation, reversible heat, and charge pushed
        // past full going into side reactions instead of the electrodes.
        var electricalHeat = internalCurrent * (terminalVoltageV - newOpenCircuit) + leakageA * max(0, terminalVoltageV)
        if parameters.includesEntropicHeat {
            electricalHeat += currentA * (temperatureC + 273.15)
                * parameters.chemistry.entropicCoefficientVPerK(atStateOfCharge: stateOfCharge)
        }
        if stateOfCharge > 1, currentA > 0 {
            let fullVoltage = parameters.openCircuitVoltage.voltage(atStateOfCharge: 1)
            electricalHeat += currentA * max(0, newOpenCircuit - fullVoltage)
        }
        advanceTemperature(seconds: seconds, electricalHeatW: electricalHeat, environment: environment)
        ageing.record(
            currentA: currentA, stateOfCharge: stateOfCharge, temperatureC: temperatureC, seconds: seconds,
            parameters: parameters.ageing, capacityAh: parameters.capacityAh)
    }

    /// The lumped thermal balance `C dT/dt = P − G (T − T_ambient)`, solved exactly for constant heat over
    /// each sub-step; sub-steps shrink while exothermic self-heating accelerates.
    private mutating func advanceTemperature(seconds: Double, electricalHeatW: Double, environment: ThermalEnvironment) {
        let capacity = parameters.heatCapacityJPerK
        let conductance = max(1e-9, environment.conductanceWPerK)
        var remaining = seconds
        var steps = 0
        var selfHeatingEnergy = 0.0
        while remaining > 0 {
            let rate = parameters.abuse.selfHeatingRate(atTemperatureC: temperatureC, remaining: reactantsRemaining)
            let dt =
                steps < Self.maxSubsteps && rate * remaining > Self.maxSelfHeatingStepK
                ? max(1e-3, Self.maxSelfHeatingStepK / rate) : remaining
            let power = electricalHeatW + rate * capacity
            let equilibrium = environment.ambientC + power / conductance
            temperatureC = equilibrium + (temperatureC - equilibrium) * exp(-conductance * dt / capacity)
            reactantsRemaining = max(0, reactantsRemaining - rate * dt / parameters.abuse.releasedTemperatureRiseK)
            selfHeatingEnergy += rate * capacity * dt
            remaining -= dt
            steps += 1
        }
        selfHeatingRateKPerS = parameters.abuse.selfHeatingRate(atTemperatureC: temperatureC, remaining: reactantsRemaining)
        heatW = electricalHeatW + selfHeatingEnergy / seconds
    }
}
