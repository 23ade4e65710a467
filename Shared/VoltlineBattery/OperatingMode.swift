/// How a charger or load drives a pack during one step.
public enum OperatingMode: Sendable, Hashable {
    /// No current.
    case rest
    /// A constant current in A, positive charging.
    case constantCurrent(amps: Double)
    /// A constant power in W at the terminals, positive charging.
    case constantPower(watts: Double)
    /// Constant current until the highest element reaches `cellVoltageLimitV`, then the current that holds
    /// it there (which tapers as the cells fill).
    case constantCurrentConstantVoltage(amps: Double, cellVoltageLimitV: Double)
    /// A repeating current profile.
    case profile(LoadProfile)

    /// The current in A this mode drives into `pack` over the next step.
    /// - Parameters:
    ///   - pack: the pack.
    ///   - seconds: the step length.
    ///   - secondsInMode: time since the mode started, for profiles.
    public func current(into pack: BatteryPack, seconds: Double, secondsInMode: Double) -> Double {
        switch self {
        case .rest: 0
        case .constantCurrent(let amps): amps
        case .constantPower(let watts): pack.current(forPowerW: watts, seconds: seconds)
        case .constantCurrentConstantVoltage(let amps, let limit):
            min(amps, pack.chargeCurrentLimit(cellVoltageLimitV: limit, seconds: seconds))
        case .profile(let profile): profile.current(atSeconds: secondsInMode)
        }
    }
}
