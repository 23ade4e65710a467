/// One series element of a pack: its parallel cells lumped into one cell, which is what a BMS measures.
/// Each element gets its own capacity, resistance, cooling and sensor offset, drawn once from the seed.
struct SeriesElement: Sendable {
    /// Capacity and resistance when new, which ageing scales.
    let freshCapacityAh: Double
    let freshResistanceOhm: Double
    /// Heat capacity in J/K.
    let heatCapacityJPerK: Double
    /// Cooling time constant in s: elements at the pack's edge cool faster than those in the middle.
    let coolingTimeConstantSeconds: Double
    /// The temperature sensor's fixed error in °C.
    let sensorOffsetC: Double

    var capacityAh: Double
    var resistanceOhm: Double
    /// State of charge, 0...1; above 1 when overcharged.
    var stateOfCharge: Double
    /// Open-circuit voltage at the present state of charge, kept in step with it.
    var openCircuitVoltage: Double
    var temperatureC: Double
    /// Current in A that an internal short drains inside the element, past its terminals.
    var leakageA = 0.0

    /// Creates an element at `stateOfCharge` and `temperatureC`.
    init(
        capacityAh: Double, resistanceOhm: Double, heatCapacityJPerK: Double, coolingTimeConstantSeconds: Double,
        sensorOffsetC: Double, stateOfCharge: Double, openCircuitVoltage: Double, temperatureC: Double
    ) {
        freshCapacityAh = capacityAh
        freshResistanceOhm = resistanceOhm
        self.heatCapacityJPerK = heatCapacityJPerK
        self.coolingTimeConstantSeconds = coolingTimeConstantSeconds
        self.sensorOffsetC = sensorOffsetC
        self.capacityAh = capacityAh
        self.resistanceOhm = resistanceOhm
        self.stateOfCharge = stateOfCharge
        self.openCircuitVoltage = openCircuitVoltage
        self.temperatureC = temperatureC
    }

    /// Terminal voltage in V while the pack carries `packCurrentA` (positive = charging); the leakage
    /// current flows through the element's resistance too, so a shorted element sags.
    func terminalVoltage(packCurrentA: Double) -> Double {
        openCircuitVoltage + (packCurrentA - leakageA) * resistanceOhm
    }

    /// The largest charge current in A that keeps the terminal voltage at or below `limitV`.
    func currentLimit(atVoltage limitV: Double) -> Double {
        (limitV - openCircuitVoltage) / resistanceOhm + leakageA
    }
}
