import Foundation

/// The Arrhenius temperature law that scales resistances and ageing rates.
public enum Arrhenius {
    /// The gas constant in J/(mol·K).
    public static let gasConstant = 8.314_462
    /// The reference temperature of every parameter set, 25 °C in K.
    public static let referenceK = 298.15

    /// `exp(Ea/R · (1/T_ref − 1/T))`: above 1 when hotter than 25 °C for a rate. A resistance, which falls
    /// as the temperature rises, uses the reciprocal.
    /// - Parameters:
    ///   - activationEnergy: in J/mol.
    ///   - temperatureC: in °C.
    public static func factor(activationEnergy: Double, temperatureC: Double) -> Double {
        exp(activationEnergy / gasConstant * (1 / referenceK - 1 / (temperatureC + 273.15)))
    }
}
