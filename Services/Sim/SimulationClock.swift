/// Maps real time onto simulated time: the simulation starts at `startMillis` and runs `acceleration`
/// simulated seconds per real second.
///
/// With a backfill the start lies in the past and the simulated time never passes the wall clock: the
/// simulator replays history accelerated, like a gateway flushing its buffer, until it catches up, then
/// runs in real time. Without one, an accelerated simulation runs ahead of the wall clock.
struct SimulationClock: Sendable {
    /// The simulated time at startup, in milliseconds since the Unix epoch.
    let startMillis: Int64
    /// Simulated seconds per real second.
    let acceleration: Double
    /// The wall-clock time at startup, when simulated time may not pass the wall clock.
    private let wallStartMillis: Int64?
    private let startInstant: ContinuousClock.Instant

    /// Starts the clock now; with `backfillMillis` > 0 the simulation starts that far in the past and is
    /// held at the wall clock once it catches up.
    init(
        wallClockMillis: Int64, acceleration: Double, backfillMillis: Int64 = 0,
        startInstant: ContinuousClock.Instant = .now
    ) {
        self.startMillis = wallClockMillis - backfillMillis
        self.acceleration = acceleration
        self.wallStartMillis = backfillMillis > 0 ? wallClockMillis : nil
        self.startInstant = startInstant
    }

    /// The simulated time at real instant `instant`, in milliseconds since the Unix epoch.
    func simulatedMillis(at instant: ContinuousClock.Instant = .now) -> Int64 {
        let elapsed = (instant - startInstant).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        let accelerated = startMillis + Int64((seconds * acceleration * 1000).rounded(.down))
        guard let wallStartMillis else { return accelerated }
        return min(accelerated, wallStartMillis + Int64((seconds * 1000).rounded(.down)))
    }
}
