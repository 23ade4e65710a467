/// What a machine is doing, which sets its load.
enum MachineState: Sendable, Hashable {
    /// Outside shifts: only the control cabinet draws standby power.
    case off
    /// On shift, waiting: hydraulics, spindles or fans turning without work.
    case idle
    /// Working.
    case run
    /// A short peak above the running load: motor inrush at start-up, or a heavy stroke.
    case peak
}
