/// The stable ids of the threshold rules: they key alerts and stored anomalies, so they never change.
public enum RuleID {
    /// Highest cell voltage above the chemistry's window.
    public static let cellOvervoltage = "pack.cell_overvoltage"
    /// Lowest cell voltage below the chemistry's window.
    public static let cellUndervoltage = "pack.cell_undervoltage"
    /// Pack or hottest cell temperature too high.
    public static let overTemperature = "pack.over_temperature"
    /// Charge or discharge current above the C-rate limit.
    public static let overCurrent = "pack.over_current"
    /// State of charge too low.
    public static let lowSOC = "pack.low_soc"
    /// Active power above the machine's rating.
    public static let overPower = "machine.over_power"
    /// Power factor too low while the machine runs.
    public static let lowPowerFactor = "machine.low_power_factor"
}
