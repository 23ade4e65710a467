/// A fault that can be injected into a simulated device.
public enum FaultKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Battery packs: the cooling fails, so the cells heat towards the stagnant loop's temperature
    /// and climb past 60 °C within a few minutes.
    case overheat
    /// Battery packs: the charger does not stop at the constant-voltage limit, so the cells are pushed
    /// above their chemistry's voltage window.
    case overcharge
    /// Battery packs: one series cell develops a growing internal leakage current; it self-discharges,
    /// heats locally and its voltage sags below the others.
    case internalShort
    /// Any device: it stops producing readings while its physics carries on.
    case sensorDropout
    /// Any device: it repeats its last reading's values while the timestamps advance.
    case stuckValue

    /// The faults every kind of device supports: they act on reporting, not on physics.
    static let reporting: Set<FaultKind> = [.sensorDropout, .stuckValue]
}
