/// One step of a test protocol: an operating mode held until an end condition is met.
public struct CyclerStep: Sendable, Hashable {
    /// When a step ends.
    public enum EndCondition: Sendable, Hashable {
        /// After this many seconds.
        case duration(seconds: Double)
        /// When the lowest element voltage falls to this value (a discharge cut-off).
        case cellVoltageBelow(Double)
        /// When the highest element voltage reaches this value.
        case cellVoltageAbove(Double)
        /// When the current magnitude has tapered to this value in A (the end of constant voltage).
        case currentBelow(Double)
    }

    /// The mode.
    public var mode: OperatingMode
    /// The step ends at the first of these conditions.
    public var endConditions: [EndCondition]

    /// Creates a step.
    public init(_ mode: OperatingMode, until endConditions: EndCondition...) {
        self.mode = mode
        self.endConditions = endConditions
    }

    /// Whether `pack` meets an end condition after `secondsInStep`.
    func isFinished(_ pack: BatteryPack, secondsInStep: Double) -> Bool {
        let reading = pack.reading
        return endConditions.contains { condition in
            switch condition {
            case .duration(let seconds): secondsInStep >= seconds
            case .cellVoltageBelow(let volts): reading.cellVoltageMinV <= volts
            case .cellVoltageAbove(let volts): reading.cellVoltageMaxV >= volts
            case .currentBelow(let amps): secondsInStep > 0 && abs(pack.currentA) <= amps
            }
        }
    }
}
