/// Maps real time onto simulated time: the simulation starts at the wall-clock time of startup and then
/// runs `acceleration` simulated seconds per real second.
struct SimulationClock: Sendable {
    /// The simulated time at startup, in milliseconds since the Unix epoch.
    let startMillis: Int64
    /// Simulated seconds per real second.
    let acceleration: Double
    private let startInstant: ContinuousClock.Instant

    /// Starts the clock now.
    init(startMillis: Int64, acceleration: Double, startInstant: ContinuousClock.Instant = .now) {
        self.startMillis = startMillis
        self.acceleration = acceleration
        self.startInstant = startInstant
    }

    /// The simulated time at real instant `instant`, in milliseconds since the Unix epoch.
    func simulatedMillis(at instant: ContinuousClock.Instant = .now) -> Int64 {
        let elapsed = (instant - startInstant).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        return startMillis + Int64((seconds * acceleration * 1000).rounded(.down))
    }
}
