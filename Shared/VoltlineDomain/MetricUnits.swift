/// The metrics a gateway may send, their canonical units, the other units accepted (with the factor
/// that converts them) and the plausible range after conversion.
struct MetricSpec: Sendable {
    let canonicalUnit: String
    /// Accepted unit spellings and their factor to the canonical unit (Kelvin is handled by an offset).
    let factors: [String: Double]
    let range: ClosedRange<Double>

    /// Converts `value` given in `unit` (the canonical unit when nil) to the canonical unit.
    func canonicalValue(_ value: Double, unit: String?) -> Double? {
        guard let unit else { return value }
        if unit == "K", canonicalUnit == "°C" { return value - 273.15 }
        return factors[unit].map { value * $0 }
    }
}

enum MetricCatalog {
    static let power = MetricSpec(canonicalUnit: "kW", factors: ["W": 1e-3, "kW": 1, "MW": 1e3], range: -1e5...1e5)
    static let reactive = MetricSpec(
        canonicalUnit: "kvar", factors: ["var": 1e-3, "kvar": 1, "Mvar": 1e3], range: -1e5...1e5)
    static let voltage = MetricSpec(canonicalUnit: "V", factors: ["mV": 1e-3, "V": 1, "kV": 1e3], range: 0...1e5)
    static let current = MetricSpec(canonicalUnit: "A", factors: ["mA": 1e-3, "A": 1, "kA": 1e3], range: -1e5...1e5)
    static let powerFactor = MetricSpec(canonicalUnit: "1", factors: ["1": 1, "%": 0.01], range: -1...1)
    static let energy = MetricSpec(canonicalUnit: "kWh", factors: ["Wh": 1e-3, "kWh": 1, "MWh": 1e3], range: 0...1e12)
    static let temperature = MetricSpec(
        canonicalUnit: "°C", factors: ["°C": 1, "C": 1, "degC": 1], range: -60...400)
    static let percent = MetricSpec(canonicalUnit: "%", factors: ["%": 1], range: 0...100)
    static let cellVoltage = MetricSpec(canonicalUnit: "V", factors: ["mV": 1e-3, "V": 1], range: 0...6)
    static let packVoltage = MetricSpec(canonicalUnit: "V", factors: ["mV": 1e-3, "V": 1, "kV": 1e3], range: 0...2000)
    static let packCurrent = MetricSpec(canonicalUnit: "A", factors: ["mA": 1e-3, "A": 1], range: -1e4...1e4)

    /// Metric names per device kind. Names are the JSON keys of `metrics` and `units`.
    static let machine: [String: MetricSpec] = [
        "active_power": power, "reactive_power": reactive, "voltage": voltage, "current": current,
        "power_factor": powerFactor, "energy": energy,
    ]
    static let batteryPack: [String: MetricSpec] = [
        "voltage": packVoltage, "current": packCurrent, "temperature": temperature, "soc": percent,
        "cell_voltage_min": cellVoltage, "cell_voltage_max": cellVoltage,
        "cell_temp_min": temperature, "cell_temp_max": temperature,
    ]

    static func specs(for kind: DeviceKind) -> [String: MetricSpec] {
        switch kind {
        case .machine: machine
        case .batteryPack: batteryPack
        }
    }
}
