import VoltlineSupport
/// A pack of cells in series and parallel, each series element a parallel group lumped into one
/// equivalent-circuit cell with its own capacity, resistance and cooling drawn from the seed, so the
/// pack shows the spread of cell voltages and temperatures a BMS reports.
///
/// Lumping keeps a 96s46p pack at 96 cells' cost. The price: a fault in one cell of a parallel group
/// (an internal short) acts on, and is diluted by, the whole group, as the BMS would measure it.
public struct BatteryPack: Sendable, Hashable {
    /// The pack's design.
    public let configuration: PackConfiguration
    /// The series elements.
    public private(set) var elements: [EquivalentCircuitCell]
    /// Current of the last step in A, positive charging.
    public private(set) var currentA = 0.0
    /// Time the pack has been stepped, in s.
    public private(set) var elapsedSeconds = 0.0
    /// Self-heating and runaway, when they happened.
    public private(set) var timeline = ThermalEventTimeline()
    /// The BMS's coulomb-counted charge in Ah from empty.
    public private(set) var countedChargeAh: Double
    private let coolingConductances: [Double]

    /// Creates a pack at rest.
    /// - Parameters:
    ///   - configuration: the design.
    ///   - stateOfCharge: the initial state of charge, 0...1; elements scatter by `stateOfChargeSpread`.
    ///   - temperatureC: the initial temperature.
    ///   - stateOfChargeSpread: standard deviation of the elements' initial state of charge.
    ///   - ageing: the ageing every element starts with.
    ///   - random: the source of the cell-to-cell variation.
    public init(
        configuration: PackConfiguration, stateOfCharge: Double, temperatureC: Double,
        stateOfChargeSpread: Double = 0, ageing: AgeingState = AgeingState(),
        random: inout some RandomNumberGenerator
    ) {
        self.configuration = configuration
        let group = configuration.cell.parallel(configuration.cellsInParallel)
        var elements: [EquivalentCircuitCell] = []
        var conductances: [Double] = []
        for _ in 0..<configuration.cellsInSeries {
            var cell = group
            let capacityFactor = 1 + random.nextGaussian(standardDeviation: configuration.capacitySpread)
            let resistanceFactor = 1 + random.nextGaussian(standardDeviation: configuration.resistanceSpread)
            cell.capacityAh *= max(0.5, capacityFactor)
            cell.seriesResistanceOhm *= max(0.5, resistanceFactor)
            cell.rcPairs = cell.rcPairs.map {
                RCPair(resistanceOhm: $0.resistanceOhm * max(0.5, resistanceFactor), timeConstantSeconds: $0.timeConstantSeconds)
            }
            let cooling = min(1.3, max(0.7, 1 + random.nextGaussian(standardDeviation: configuration.coolingSpread)))
            conductances.append(configuration.coolingConductancePerCellWPerK * Double(configuration.cellsInParallel) * cooling)
            let soc = min(1, max(0, stateOfCharge + random.nextGaussian(standardDeviation: stateOfChargeSpread)))
            elements.append(EquivalentCircuitCell(parameters: cell, stateOfCharge: soc, temperatureC: temperatureC, ageing: ageing))
        }
        self.elements = elements
        coolingConductances = conductances
        countedChargeAh = stateOfCharge * configuration.capacityAh * ageing.capacityRetention
    }

    /// The pack's terminal voltage in V.
    public var voltageV: Double { elements.reduce(0) { $0 + $1.terminalVoltageV } }

    /// The BMS's state of charge, 0...1 (unclamped): counted charge over the capacity it believes the
    /// pack has (rated, less the mean fade, which a BMS learns from full cycles).
    public var countedStateOfCharge: Double { countedChargeAh / believedCapacityAh }

    private var believedCapacityAh: Double {
        let retention = elements.reduce(0) { $0 + $1.ageing.capacityRetention } / Double(elements.count)
        return configuration.capacityAh * retention
    }

    /// The BMS's view of the pack now.
    public var reading: PackReading {
        var reading = PackReading(
            voltageV: 0, currentA: currentA, temperatureC: 0, stateOfChargePercent: countedStateOfCharge * 100,
            cellVoltageMinV: .infinity, cellVoltageMaxV: -.infinity, cellTemperatureMinC: .infinity,
            cellTemperatureMaxC: -.infinity)
        for element in elements {
            reading.voltageV += element.terminalVoltageV
            reading.temperatureC += element.temperatureC
            reading.cellVoltageMinV = min(reading.cellVoltageMinV, element.terminalVoltageV)
            reading.cellVoltageMaxV = max(reading.cellVoltageMaxV, element.terminalVoltageV)
            reading.cellTemperatureMinC = min(reading.cellTemperatureMinC, element.temperatureC)
            reading.cellTemperatureMaxC = max(reading.cellTemperatureMaxC, element.temperatureC)
        }
        reading.temperatureC /= Double(elements.count)
        return reading
    }

    /// The largest charge current in A (at least 0) that keeps every element at or below `limitV` at the
    /// end of a step of `seconds`: the constant-voltage phase of a charger.
    public func chargeCurrentLimit(cellVoltageLimitV limitV: Double, seconds: Double) -> Double {
        var limit = Double.infinity
        for element in elements {
            let line = element.linearizedVoltage(seconds: seconds)
            limit = min(limit, (limitV - line.intercept) / line.slope)
        }
        return max(0, limit)
    }

    /// The current in A that delivers `powerW` at the terminals over a step of `seconds` (positive
    /// charging, negative discharging), or the current at the pack's maximum power when `powerW` is more
    /// than it can deliver.
    public func current(forPowerW powerW: Double, seconds: Double) -> Double {
        var intercept = 0.0
        var slope = 0.0
        for element in elements {
            let line = element.linearizedVoltage(seconds: seconds)
            intercept += line.intercept
            slope += line.slope
        }
        // P = I (a + b I): the root nearer zero is the physical one.
        let discriminant = intercept * intercept + 4 * slope * powerW
        guard discriminant > 0 else { return -intercept / (2 * slope) }
        return (-intercept + discriminant.squareRoot()) / (2 * slope)
    }

    /// Starts an internal short in one element.
    public mutating func startInternalShort(inElement index: Int, _ short: InternalShort) {
        elements[index].startInternalShort(short)
    }

    /// Advances the pack by one step with a constant current.
    /// - Parameters:
    ///   - currentA: the pack current, positive charging.
    ///   - seconds: the step length.
    ///   - environment: the coolant or air around the pack.
    public mutating func step(currentA: Double, seconds: Double, environment: PackEnvironment) {
        self.currentA = currentA
        for index in elements.indices {
            let cooling = ThermalEnvironment(
                ambientC: environment.ambientC,
                conductanceWPerK: coolingConductances[index] * environment.coolingEffectiveness)
            elements[index].step(currentA: currentA, seconds: seconds, environment: cooling)
        }
        countedChargeAh += currentA * seconds / 3600
        elapsedSeconds += seconds
        recordThermalEvents()
    }

    /// Ages every element by `seconds` of `usage` without simulating it (months in microseconds).
    public mutating func fastForward(_ usage: UsagePattern, seconds: Double) {
        for index in elements.indices {
            elements[index].ageing.fastForward(usage, seconds: seconds, parameters: configuration.cell.ageing)
        }
    }

    private mutating func recordThermalEvents() {
        for (index, element) in elements.enumerated() {
            if timeline.selfHeatingOnsetSeconds == nil,
                element.selfHeatingRateKPerS >= ThermalAbuseParameters.rateAtOnsetKPerS
            {
                timeline.selfHeatingOnsetSeconds = elapsedSeconds
            }
            if timeline.runawaySeconds == nil, element.selfHeatingRateKPerS >= ThermalAbuseParameters.runawayRateKPerS {
                timeline.runawaySeconds = elapsedSeconds
                timeline.runawayElement = index
            }
        }
    }
}
