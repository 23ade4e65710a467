import Foundation

/// How far a cell has aged, and the half-cycle in progress whose depth is not known yet.
///
/// Cycling wear is booked per half-cycle (a charge or a discharge between two reversals of the current):
/// every step adds its ampere-hours weighted by the C-rate and temperature stress, and the reversal
/// multiplies the sum by the depth stress of the half-cycle's state-of-charge swing. Calendar fade grows
/// with the square root of time; under changing conditions the time is carried as the equivalent time
/// that would have produced today's fade at today's rate, so it composes step by step or segment by segment
/// (``fastForward(_:seconds:parameters:)`` runs months at once).
public struct AgeingState: Sendable, Hashable {
    /// Capacity fraction lost to cycling and to calendar ageing.
    public private(set) var cycleFade = 0.0
    public private(set) var calendarFade = 0.0
    /// Ampere-hours through the cell over twice its rated capacity.
    public private(set) var equivalentFullCycles = 0.0

    private var direction = 0
    private var halfCycleLow = Double.infinity
    private var halfCycleHigh = -Double.infinity
    private var halfCycleStressedCycles = 0.0

    /// Currents below this C-rate count as rest and neither open nor close a half-cycle.
    private static let restCRate = 0.01

    /// A fresh cell.
    public init() {}

    /// Starts from given fades, for a cell taken into service already aged.
    public init(cycleFade: Double, calendarFade: Double, equivalentFullCycles: Double) {
        self.cycleFade = cycleFade
        self.calendarFade = calendarFade
        self.equivalentFullCycles = equivalentFullCycles
    }

    /// The fraction of the rated capacity that remains.
    public var capacityRetention: Double { max(0.05, 1 - cycleFade - calendarFade) }

    /// Resistance relative to new.
    public func resistanceGrowth(_ parameters: AgeingParameters) -> Double {
        1 + parameters.resistanceGrowthPerCycleFade * cycleFade + parameters.resistanceGrowthPerCalendarFade * calendarFade
    }

    /// Books one step of operation.
    /// - Parameters:
    ///   - currentA: the cell current, positive charging.
    ///   - stateOfCharge: the state of charge after the step.
    ///   - temperatureC: the cell temperature.
    ///   - seconds: the step length.
    ///   - parameters: the ageing coefficients.
    ///   - capacityAh: the rated capacity.
    public mutating func record(
        currentA: Double, stateOfCharge: Double, temperatureC: Double, seconds: Double,
        parameters: AgeingParameters, capacityAh: Double
    ) {
        ageCalendar(
            seconds: seconds,
            rate: parameters.calendarRate(stateOfCharge: min(1, max(0, stateOfCharge)), temperatureC: temperatureC))
        let cRate = abs(currentA) / capacityAh
        guard cRate >= Self.restCRate else { return }
        let newDirection = currentA > 0 ? 1 : -1
        if newDirection != direction { closeHalfCycle(parameters) }
        direction = newDirection
        let cycles = cRate * seconds / 3600 / 2
        equivalentFullCycles += cycles
        halfCycleStressedCycles += cycles * parameters.cyclingStress(depth: 1, cRate: cRate, temperatureC: temperatureC)
        halfCycleLow = min(halfCycleLow, stateOfCharge)
        halfCycleHigh = max(halfCycleHigh, stateOfCharge)
    }

    /// Books the open half-cycle's wear now (at a reversal, or before reading the state at the end of a run).
    public mutating func closeHalfCycle(_ parameters: AgeingParameters) {
        if halfCycleStressedCycles > 0 {
            let depth = min(1, max(1e-3, halfCycleHigh - halfCycleLow))
            cycleFade += parameters.cycleFadePerEquivalentCycle * halfCycleStressedCycles
                * pow(depth, parameters.depthExponent - 1)
        }
        halfCycleStressedCycles = 0
        halfCycleLow = .infinity
        halfCycleHigh = -.infinity
    }

    /// Ages the cell by `seconds` of the given usage in one go, with no electrical simulation.
    /// - Parameters:
    ///   - usage: the usage over the span.
    ///   - seconds: the span.
    ///   - parameters: the ageing coefficients.
    public mutating func fastForward(_ usage: UsagePattern, seconds: Double, parameters: AgeingParameters) {
        closeHalfCycle(parameters)
        ageCalendar(
            seconds: seconds,
            rate: parameters.calendarRate(stateOfCharge: usage.meanStateOfCharge, temperatureC: usage.temperatureC))
        let cycles = usage.equivalentCyclesPerDay * seconds / 86_400
        equivalentFullCycles += cycles
        cycleFade += parameters.cycleFadePerEquivalentCycle * cycles
            * parameters.cyclingStress(depth: usage.depthOfDischarge, cRate: usage.cRate, temperatureC: usage.temperatureC)
    }

    /// Square-root-of-time growth under a rate that may have changed: continue from the equivalent time.
    private mutating func ageCalendar(seconds: Double, rate: Double) {
        guard rate > 0 else { return }
        let equivalentSeconds = (calendarFade / rate) * (calendarFade / rate)
        calendarFade = rate * (equivalentSeconds + seconds).squareRoot()
    }
}
