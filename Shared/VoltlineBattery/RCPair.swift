/// One resistor–capacitor branch of an equivalent circuit, given by its resistance and time constant.
public struct RCPair: Sendable, Hashable {
    /// Resistance at 25 °C and mid state of charge, in Ω.
    public var resistanceOhm: Double
    /// Time constant R·C in s.
    public var timeConstantSeconds: Double

    /// Creates a branch.
    public init(resistanceOhm: Double, timeConstantSeconds: Double) {
        self.resistanceOhm = resistanceOhm
        self.timeConstantSeconds = timeConstantSeconds
    }
}
