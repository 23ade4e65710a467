/// A machine's features over one window.
public struct MachineMinute: Sendable, Hashable, Codable {
    /// Active power in kW.
    public var powerKW: ValueSummary
    /// Power factor, when the meter reports it.
    public var powerFactor: ValueSummary?
    /// Energy used inside the window in kWh.
    public var energyKWh: Double
    /// How ``energyKWh`` was measured.
    public var energySource: EnergySource

    /// Creates machine features.
    public init(powerKW: ValueSummary, powerFactor: ValueSummary?, energyKWh: Double, energySource: EnergySource) {
        self.powerKW = powerKW
        self.powerFactor = powerFactor
        self.energyKWh = energyKWh
        self.energySource = energySource
    }
}
