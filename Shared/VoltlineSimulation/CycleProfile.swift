/// How a battery pack is operated: a repeating cycle of CC-CV charge, rest, discharge, rest.
/// Currents are given as C-rates (multiples of the pack's rated capacity per hour) and are capped at the
/// pack's datasheet limits.
public struct CycleProfile: Sendable, Hashable {
    /// The current drawn while discharging.
    public enum DischargeLoad: Sendable, Hashable {
        /// A constant current.
        case constant(cRate: Double)
        /// A varying load: a C-rate drawn from `cRate`, held for a time drawn from `holdSeconds`, and so on.
        case variable(cRate: ClosedRange<Double>, holdSeconds: ClosedRange<Double>)
    }

    /// The constant-current charge rate.
    public var chargeCRate: Double
    /// The constant-voltage phase ends when the current has tapered to this C-rate.
    public var cutoffCRate: Double
    /// The discharge load.
    public var discharge: DischargeLoad
    /// A discharge ends at this state of charge in percent, unless the cut-off voltage comes first.
    public var dischargeFloorPercent: Double
    /// Rest after a charge and after a discharge, in seconds.
    public var restAfterChargeSeconds: Double
    public var restAfterDischargeSeconds: Double

    /// Creates a cycle profile.
    public init(
        chargeCRate: Double = 0.5, cutoffCRate: Double = 0.05, discharge: DischargeLoad = .constant(cRate: 0.5),
        dischargeFloorPercent: Double = 25, restAfterChargeSeconds: Double = 1800,
        restAfterDischargeSeconds: Double = 1800
    ) {
        self.chargeCRate = chargeCRate
        self.cutoffCRate = cutoffCRate
        self.discharge = discharge
        self.dischargeFloorPercent = dischargeFloorPercent
        self.restAfterChargeSeconds = restAfterChargeSeconds
        self.restAfterDischargeSeconds = restAfterDischargeSeconds
    }
}
