/// Cell chemistry of a battery pack; it sets the voltage window that safety rules use.
public enum Chemistry: String, Sendable, Hashable, Codable, CaseIterable {
    /// Nickel manganese cobalt oxide.
    case nmc = "NMC"
    /// Nickel cobalt aluminium oxide.
    case nca = "NCA"
    /// Lithium iron phosphate: flat plateau near 3.2 V.
    case lfp = "LFP"

    /// The safe per-cell voltage window in volts (cell datasheets' charge and discharge cut-offs).
    public var cellVoltageWindow: ClosedRange<Double> {
        switch self {
        case .nmc, .nca: 3.0...4.2
        case .lfp: 2.5...3.65
        }
    }
}
