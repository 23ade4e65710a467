/// When a pack's thermal events happened, in seconds of pack time, so that detection can be scored
/// against the physics rather than against the fault injection alone.
public struct ThermalEventTimeline: Sendable, Hashable {
    /// When an element's self-heating first exceeded the calorimetry onset (0.02 K/min).
    public internal(set) var selfHeatingOnsetSeconds: Double?
    /// When an element's self-heating first exceeded the runaway rate (1 K/s).
    public internal(set) var runawaySeconds: Double?
    /// The element that ran away first.
    public internal(set) var runawayElement: Int?

    /// No events yet.
    public init() {}
}
