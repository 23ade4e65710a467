import Foundation

/// How a cell's exothermic decomposition reactions (SEI, then anode–electrolyte, then cathode) heat it
/// once it is hot enough: the path from a fault to thermal runaway.
///
/// The self-heating rate per unit heat capacity is `rateAtOnsetKPerS · exp((T − onset) / scaleK)`, times
/// the fraction of reactants left, so it is negligible in normal operation, reaches the accelerating-rate
/// calorimetry onset criterion (0.02 K/min) at `selfHeatingOnsetC`, and runs away tens of kelvin above it.
public struct ThermalAbuseParameters: Sendable, Hashable {
    /// Temperature in °C at which self-heating reaches 0.02 K/min.
    public var selfHeatingOnsetC: Double
    /// Kelvin per e-fold of the self-heating rate.
    public var scaleK: Double
    /// The temperature rise in K that the complete reaction releases into the cell's own heat capacity.
    public var releasedTemperatureRiseK: Double

    /// Self-heating rate at the onset temperature in K/s (0.02 K/min, the ARC detection threshold).
    public static let rateAtOnsetKPerS = 0.02 / 60
    /// The self-heating rate in K/s that counts as thermal runaway.
    public static let runawayRateKPerS = 1.0

    /// Creates abuse parameters.
    public init(selfHeatingOnsetC: Double, scaleK: Double, releasedTemperatureRiseK: Double) {
        self.selfHeatingOnsetC = selfHeatingOnsetC
        self.scaleK = scaleK
        self.releasedTemperatureRiseK = releasedTemperatureRiseK
    }

    /// Layered-oxide cells (NMC, NCA): onset near 110 °C and a violent, fast release.
    public static let layeredOxide = ThermalAbuseParameters(
        selfHeatingOnsetC: 110, scaleK: 9, releasedTemperatureRiseK: 600)
    /// LFP cells: later onset, slower and smaller release.
    public static let ironPhosphate = ThermalAbuseParameters(
        selfHeatingOnsetC: 140, scaleK: 12, releasedTemperatureRiseK: 350)

    /// The self-heating rate in K/s at `temperatureC` with `remaining` (0...1) of the reactants left.
    public func selfHeatingRate(atTemperatureC temperatureC: Double, remaining: Double) -> Double {
        guard remaining > 0 else { return 0 }
        let exponent = min(60, (temperatureC - selfHeatingOnsetC) / scaleK)
        return Self.rateAtOnsetKPerS * exp(exponent) * remaining
    }
}
