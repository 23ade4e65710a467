/// Which window features (columns of `features_1m`, fields of `voltline.features.v1`) describe a device kind
/// to the detectors: the vector of the Isolation Forest and the one series the streaming detectors watch.
public struct FeatureSchema: Sendable, Hashable {
    /// The device kind, as in `features_1m.kind`.
    public var kind: String
    /// The Isolation Forest's features, in column order.
    public var columns: [String]
    /// The feature the streaming detectors follow.
    public var primary: String
    /// Whether the primary feature follows shifts (time of day, day of week).
    public var seasonal: Bool

    /// Machines: power level and spread within the minute, and energy; power follows the shifts.
    public static let machine = FeatureSchema(
        kind: "machine", columns: ["mean_power_kw", "min_power_kw", "max_power_kw", "energy_kwh"],
        primary: "mean_power_kw", seasonal: true)
    /// Battery packs: voltage, current, temperature, charge and cell imbalance together; temperature is
    /// watched on its own.
    public static let batteryPack = FeatureSchema(
        kind: "battery_pack",
        columns: ["mean_voltage_v", "mean_current_a", "max_temperature_c", "mean_soc_pct", "max_cell_voltage_spread_v"],
        primary: "max_temperature_c", seasonal: false)

    /// The schema of `kind`, or nil for a kind the detectors do not know.
    public static func of(kind: String) -> FeatureSchema? {
        [machine, batteryPack].first { $0.kind == kind }
    }

    /// The vector of `features` in column order; a missing feature is `nan`.
    public func vector(_ features: [String: Double]) -> [Float] {
        columns.map { features[$0].map(Float.init) ?? .nan }
    }
}
