/// How serious a condition is, in rising order: `normal < warning < critical < danger`.
///
/// Encoded as the lowercase case name (`"warning"`), which is also the value stored in PostgreSQL.
public enum RiskLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Nothing to report.
    case normal
    /// Outside the comfortable range; worth a look.
    case warning
    /// Outside the safe range; act soon.
    case critical
    /// Immediate hazard (for packs: thermal-runaway territory); act now.
    case danger

    private var rank: Int {
        switch self {
        case .normal: 0
        case .warning: 1
        case .critical: 2
        case .danger: 3
        }
    }

    public static func < (lhs: RiskLevel, rhs: RiskLevel) -> Bool { lhs.rank < rhs.rank }
}
