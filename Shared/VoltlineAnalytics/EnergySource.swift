/// How a window's energy was measured.
public enum EnergySource: String, Sendable, Hashable, Codable {
    /// From differences of the meter's cumulative energy counter (apportioned linearly at window edges).
    case counter
    /// From integrating active power over time (each sample held until the next, zero-order hold).
    case integration
}
