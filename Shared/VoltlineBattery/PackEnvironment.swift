/// The conditions around a pack: the coolant or air temperature and how well the cooling works.
public struct PackEnvironment: Sendable, Hashable {
    /// Coolant or air temperature in °C.
    public var ambientC: Double
    /// The cooling's effectiveness relative to its design: 1 working, about 0.1 failed (natural convection
    /// only), above 1 for a coolant loop that is itself hot and circulating hard.
    public var coolingEffectiveness: Double

    /// Creates an environment.
    public init(ambientC: Double, coolingEffectiveness: Double = 1) {
        self.ambientC = ambientC
        self.coolingEffectiveness = coolingEffectiveness
    }

    /// Effectiveness of a failed cooling system: the fans or pump stop, natural convection remains.
    public static let failedCoolingEffectiveness = 0.1
}
