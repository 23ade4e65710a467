/// How a machine loads its power supply in each state, as fractions of its rated power.
public struct DutyCycle: Sendable, Hashable {
    /// The load of one state: a level and power factor drawn when the state begins, and its duration.
    public struct StateLoad: Sendable, Hashable {
        /// Active power as a fraction of rated power.
        public var fraction: ClosedRange<Double>
        /// Displacement power factor.
        public var powerFactor: ClosedRange<Double>
        /// How long the state lasts, in seconds (ignored for the off state, which lasts until a shift starts).
        public var seconds: ClosedRange<Double>

        /// Creates a state load.
        public init(fraction: ClosedRange<Double>, powerFactor: ClosedRange<Double>, seconds: ClosedRange<Double>) {
            self.fraction = fraction
            self.powerFactor = powerFactor
            self.seconds = seconds
        }
    }

    /// Outside shifts.
    public var off: StateLoad
    /// On shift, not working.
    public var idle: StateLoad
    /// Working.
    public var run: StateLoad
    /// Short peak loads above the running load, up to the machine's rating (what the meter's one-second
    /// averages see; sub-second inrush is averaged away).
    public var peak: StateLoad
    /// The chance that a run period ends in a peak (and runs on) rather than in idling.
    public var peakChance: Double
    /// Process noise on active power, as a fraction of the state's level (one draw per second).
    public var noise: Double

    /// Creates a duty cycle; the defaults describe a typical production machine.
    public init(
        off: StateLoad = StateLoad(fraction: 0.01...0.01, powerFactor: 0.50...0.50, seconds: 0...0),
        idle: StateLoad = StateLoad(fraction: 0.10...0.20, powerFactor: 0.45...0.70, seconds: 30...300),
        run: StateLoad = StateLoad(fraction: 0.60...0.90, powerFactor: 0.80...0.95, seconds: 120...1200),
        peak: StateLoad = StateLoad(fraction: 0.90...0.97, powerFactor: 0.80...0.92, seconds: 1...6),
        peakChance: Double = 0.3, noise: Double = 0.04
    ) {
        self.off = off
        self.idle = idle
        self.run = run
        self.peak = peak
        self.peakChance = peakChance
        self.noise = noise
    }

    /// The load of `state`.
    func load(for state: MachineState) -> StateLoad {
        switch state {
        case .off: off
        case .idle: idle
        case .run: run
        case .peak: peak
        }
    }
}
