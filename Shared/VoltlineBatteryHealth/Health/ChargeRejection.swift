/// Why a charge was not used to estimate state of health.
public enum ChargeRejection: String, Sendable, Hashable, Codable, CaseIterable {
    /// The charge began above the voltage window or took in too little: the cell was not discharged first.
    case partialCharge = "partial_charge"
    /// The charge stopped before the current fell to the cut-off: the cell was not full.
    case cutShort = "cut_short"
    /// The cell had rested before this charge (it started near ambient temperature, cooler than the charges
    /// before it); the capacity measured after a rest recovers for a few cycles and says nothing about ageing.
    case afterRest = "after_rest"

    /// A sentence for reports.
    public var explanation: String {
        switch self {
        case .partialCharge: "partial charge (started above the voltage window or took in too little)"
        case .cutShort: "charge cut short before the cut-off current"
        case .afterRest: "after a rest (capacity recovery; cooler start than the charges before)"
        }
    }
}
