/// What a cell exchanges heat with: the coolant or air around it, and how well.
public struct ThermalEnvironment: Sendable, Hashable {
    /// Temperature of the coolant or air in °C.
    public var ambientC: Double
    /// Heat transfer from the cell to the ambient in W/K.
    public var conductanceWPerK: Double

    /// Creates an environment.
    public init(ambientC: Double, conductanceWPerK: Double) {
        self.ambientC = ambientC
        self.conductanceWPerK = conductanceWPerK
    }
}
