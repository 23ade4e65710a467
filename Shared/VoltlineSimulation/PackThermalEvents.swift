/// When a simulated pack's physics reached the thermal milestones that detection is scored against.
public struct PackThermalEvents: Sendable, Hashable {
    /// When an element's self-heating first exceeded 0.02 K/min, in milliseconds since the Unix epoch.
    public var selfHeatingOnsetMillis: Int64?
    /// When an element's self-heating first exceeded 1 K/s (thermal runaway).
    public var runawayMillis: Int64?

    /// Creates the events.
    public init(selfHeatingOnsetMillis: Int64?, runawayMillis: Int64?) {
        self.selfHeatingOnsetMillis = selfHeatingOnsetMillis
        self.runawayMillis = runawayMillis
    }
}
