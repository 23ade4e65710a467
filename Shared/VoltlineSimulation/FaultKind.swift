/// A fault that can be injected into a simulated device.
public enum FaultKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Battery packs: the coolant loop runs hot (its chiller fails while the power electronics sharing it
    /// keep heating it), so the cells heat towards 110 °C and climb past 60 °C within a few minutes.
    case overheat
    /// Battery packs: the fans or pump stop; only natural convection (a tenth of the design cooling)
    /// carries the heat away, so the cells warm slowly under load.
    case coolingFailure
    /// Battery packs: the charger does not stop at the constant-voltage limit, so the cells are pushed
    /// above their chemistry's voltage window.
    case overcharge
    /// Battery packs: one series element develops an internal short whose leakage grows until it is a hard
    /// short; it self-discharges, heats, its voltage sags below the others, and unless it drains first it
    /// reaches its self-heating onset and thermal runaway. A short does not heal: clearing the fault
    /// ends the record, not the short.
    case internalShort
    /// Battery packs: one element's temperature sensor drifts upwards (6 °C an hour) while the cell does not.
    case sensorDrift
    /// Any device: it stops producing readings while its physics carries on.
    case sensorDropout
    /// Any device: it repeats its last reading's values while the timestamps advance.
    case stuckValue

    /// The faults every kind of device supports: they act on reporting, not on physics.
    static let reporting: Set<FaultKind> = [.sensorDropout, .stuckValue]
}
