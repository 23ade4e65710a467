/// Where a battery pack is in its repeating operating cycle.
public enum CyclePhase: Sendable, Hashable, CaseIterable {
    /// Constant-current, then constant-voltage charging until the current tapers to the cut-off.
    case charging
    /// Resting full.
    case restingAfterCharge
    /// Discharging into the load until the state-of-charge floor or the cut-off voltage.
    case discharging
    /// Resting empty.
    case restingAfterDischarge

    /// The phase that follows this one.
    var next: CyclePhase {
        switch self {
        case .charging: .restingAfterCharge
        case .restingAfterCharge: .discharging
        case .discharging: .restingAfterDischarge
        case .restingAfterDischarge: .charging
        }
    }
}
