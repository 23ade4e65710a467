/// Runs a test protocol on a pack, as a battery cycler does, and records what it measures.
public struct Cycler: Sendable {
    /// One recorded sample.
    public struct Sample: Sendable, Hashable {
        /// Time since the run started in s, the step's index, and the BMS reading.
        public var seconds: Double
        public var stepIndex: Int
        public var reading: PackReading
    }

    /// The integration step in s.
    public var stepSeconds: Double
    /// The coolant or air around the pack.
    public var environment: PackEnvironment
    /// Longest a step may run before it is abandoned, in s (a safety net for conditions never met).
    public var maxStepSeconds: Double

    /// Creates a cycler.
    public init(stepSeconds: Double = 1, environment: PackEnvironment, maxStepSeconds: Double = 48 * 3600) {
        self.stepSeconds = stepSeconds
        self.environment = environment
        self.maxStepSeconds = maxStepSeconds
    }

    /// Runs `steps` in order on `pack`.
    /// - Parameters:
    ///   - steps: the protocol.
    ///   - pack: the pack, left in its final state.
    ///   - recordEverySeconds: the sampling interval of the returned trace; nil records nothing.
    /// - Returns: the recorded samples, each taken at the end of an integration step.
    @discardableResult
    public func run(_ steps: [CyclerStep], on pack: inout BatteryPack, recordEverySeconds: Double? = nil) -> [Sample] {
        var samples: [Sample] = []
        var elapsed = 0.0
        var nextRecord = 0.0
        for (index, step) in steps.enumerated() {
            var inStep = 0.0
            while inStep < maxStepSeconds {
                let current = step.mode.current(into: pack, seconds: stepSeconds, secondsInMode: inStep)
                pack.step(currentA: current, seconds: stepSeconds, environment: environment)
                inStep += stepSeconds
                elapsed += stepSeconds
                if let interval = recordEverySeconds, elapsed >= nextRecord {
                    samples.append(Sample(seconds: elapsed, stepIndex: index, reading: pack.reading))
                    nextRecord += interval
                }
                if step.isFinished(pack, secondsInStep: inStep) { break }
            }
        }
        return samples
    }
}
