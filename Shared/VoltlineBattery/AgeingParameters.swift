import Foundation

/// A semi-empirical ageing model's coefficients: capacity fade and resistance growth from cycling and
/// from calendar time, each scaled by its stress factors.
///
/// Cycling fade per equivalent full cycle is `cycleFadePerEquivalentCycle` at the reference stress (full
/// depth of discharge, 1C, 25 °C), multiplied by `depth^(depthExponent − 1)` (Wöhler-like: deep cycles
/// wear more per ampere-hour than shallow ones), `exp(cRateCoefficient · (C − 1))` and an Arrhenius factor.
/// Calendar fade grows with the square root of time (SEI growth) at a rate set by temperature (Arrhenius)
/// and state of charge (`exp(stateOfChargeCoefficient · (SOC − 0.5))`). Resistance grows in proportion
/// to each kind of fade.
public struct AgeingParameters: Sendable, Hashable {
    /// Capacity fraction lost per equivalent full cycle at the reference stress.
    public var cycleFadePerEquivalentCycle: Double
    /// Exponent of the depth-of-discharge stress; above 1 favours shallow cycling.
    public var depthExponent: Double
    /// Growth of cycling fade per unit of C-rate above 1C.
    public var cRateCoefficient: Double
    /// Activation energy of cycling fade in J/mol.
    public var cycleActivationEnergy: Double
    /// Capacity fraction lost after one day of storage at 25 °C and 50 % state of charge.
    public var calendarFadePerSqrtDay: Double
    /// Activation energy of calendar fade in J/mol.
    public var calendarActivationEnergy: Double
    /// Growth of calendar fade with the state of charge.
    public var stateOfChargeCoefficient: Double
    /// Relative resistance growth per unit of cycling and of calendar fade.
    public var resistanceGrowthPerCycleFade: Double
    public var resistanceGrowthPerCalendarFade: Double

    /// Creates ageing coefficients.
    public init(
        cycleFadePerEquivalentCycle: Double, depthExponent: Double = 1.5, cRateCoefficient: Double = 0.3,
        cycleActivationEnergy: Double = 30_000, calendarFadePerSqrtDay: Double = 0.0012,
        calendarActivationEnergy: Double = 50_000, stateOfChargeCoefficient: Double = 1.5,
        resistanceGrowthPerCycleFade: Double = 2.5, resistanceGrowthPerCalendarFade: Double = 2
    ) {
        self.cycleFadePerEquivalentCycle = cycleFadePerEquivalentCycle
        self.depthExponent = depthExponent
        self.cRateCoefficient = cRateCoefficient
        self.cycleActivationEnergy = cycleActivationEnergy
        self.calendarFadePerSqrtDay = calendarFadePerSqrtDay
        self.calendarActivationEnergy = calendarActivationEnergy
        self.stateOfChargeCoefficient = stateOfChargeCoefficient
        self.resistanceGrowthPerCycleFade = resistanceGrowthPerCycleFade
        self.resistanceGrowthPerCalendarFade = resistanceGrowthPerCalendarFade
    }

    /// The stress multiplier of cycling at `depth` (0...1), `cRate` and `temperatureC`.
    public func cyclingStress(depth: Double, cRate: Double, temperatureC: Double) -> Double {
        pow(max(depth, 1e-3), depthExponent - 1) * exp(cRateCoefficient * (cRate - 1))
            * Arrhenius.factor(activationEnergy: cycleActivationEnergy, temperatureC: temperatureC)
    }

    /// Calendar fade per square root of a second at `stateOfCharge` and `temperatureC`.
    public func calendarRate(stateOfCharge: Double, temperatureC: Double) -> Double {
        calendarFadePerSqrtDay / 86_400.0.squareRoot() * exp(stateOfChargeCoefficient * (stateOfCharge - 0.5))
            * Arrhenius.factor(activationEnergy: calendarActivationEnergy, temperatureC: temperatureC)
    }
}
