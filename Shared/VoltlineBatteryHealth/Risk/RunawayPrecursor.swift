/// A sign that a pack may be heading toward thermal runaway.
///
/// The temperature itself is not one: the analytics' rule `pack.over_temperature` already alerts on it, and a
/// hot pack is a consequence to report, where these are the signs that come before.
public enum RunawayPrecursor: String, Sendable, Hashable, Codable, CaseIterable {
    /// Temperature climbing fast (°C/min over the last minutes), in any state.
    case temperatureRise = "temperature_rise"
    /// Temperature climbing while no current flows (°C/min): heat from inside, an internal short's signature.
    case restSelfHeating = "rest_self_heating"
    /// Lowest cell voltage falling while no current flows (mV/h): self-discharge through a leak.
    case restVoltageDrop = "rest_voltage_drop"
    /// Highest minus lowest cell voltage (V).
    case cellVoltageSpread = "cell_voltage_spread"
    /// Hottest minus coolest cell (°C).
    case cellTemperatureSpread = "cell_temperature_spread"
    /// Highest cell voltage above the chemistry's maximum (V).
    case overvoltage
}
