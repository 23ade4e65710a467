/// Internal resistance from current steps: where the current jumps between two close samples, the voltage
/// jumps by the ohmic drop `ΔV = R × ΔI` before diffusion has time to move it.
public struct InternalResistanceEstimator: Sendable {
    /// The smallest current change that counts as a step, in A.
    public var minimumStepA: Double
    /// The longest time between the two samples of a step, in s (longer lets polarisation in).
    public var maximumStepSeconds: Double

    /// Creates an estimator.
    public init(minimumStepA: Double = 0.5, maximumStepSeconds: Double = 10) {
        self.minimumStepA = minimumStepA
        self.maximumStepSeconds = maximumStepSeconds
    }

    /// The median `|ΔV / ΔI|` over every step in the samples, in Ω, or nil when there is no step.
    public func resistanceOhm(timeSeconds: [Double], voltageV: [Double], currentA: [Double]) -> Double? {
        var estimates: [Double] = []
        for index in timeSeconds.indices.dropFirst() {
            let deltaI = currentA[index] - currentA[index - 1]
            let step = timeSeconds[index] - timeSeconds[index - 1]
            guard abs(deltaI) >= minimumStepA, step > 0, step <= maximumStepSeconds else { continue }
            let resistance = (voltageV[index] - voltageV[index - 1]) / deltaI
            if resistance > 0 { estimates.append(resistance) }
        }
        return Statistics.median(estimates)
    }
}
