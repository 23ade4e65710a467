/// A stationary battery behind the site's meter that a plan may charge and discharge.
///
/// State of charge (SOC) is stored energy in kWh. Charging `c` kW for a slot of `h` hours adds `c·h·ηc`;
/// discharging `d` kW delivers `d·h` to the site and removes `d·h/ηd` from the battery.
public struct BatteryStorage: Sendable, Hashable, Codable {
    /// A name for plans and recommendations, for example `byd-blade-01`.
    public var name: String
    /// Usable energy capacity, kWh.
    public var capacityKWh: Double
    /// Largest charging power, kW (drawn from the grid).
    public var maxChargeKW: Double
    /// Largest discharging power, kW (delivered to the site).
    public var maxDischargeKW: Double
    /// Share of the charging energy stored, 0–1.
    public var chargeEfficiency: Double
    /// Share of the stored energy delivered when discharging, 0–1.
    public var dischargeEfficiency: Double
    /// Lowest allowed SOC, as a fraction of the capacity.
    public var minSOC: Double
    /// Highest allowed SOC, as a fraction of the capacity.
    public var maxSOC: Double
    /// SOC at the start of the horizon, as a fraction of the capacity.
    public var initialSOC: Double
    /// SOC the plan must reach at least by the end of the horizon, as a fraction of the capacity.
    public var finalSOC: Double

    /// Creates a battery.
    public init(
        name: String, capacityKWh: Double, maxChargeKW: Double, maxDischargeKW: Double, chargeEfficiency: Double = 0.95,
        dischargeEfficiency: Double = 0.95, minSOC: Double = 0.1, maxSOC: Double = 0.9, initialSOC: Double = 0.5,
        finalSOC: Double = 0.5
    ) {
        self.name = name
        self.capacityKWh = capacityKWh
        self.maxChargeKW = maxChargeKW
        self.maxDischargeKW = maxDischargeKW
        self.chargeEfficiency = chargeEfficiency
        self.dischargeEfficiency = dischargeEfficiency
        self.minSOC = minSOC
        self.maxSOC = maxSOC
        self.initialSOC = initialSOC
        self.finalSOC = finalSOC
    }

    /// SOC bounds and targets in kWh.
    var minKWh: Double { minSOC * capacityKWh }
    var maxKWh: Double { maxSOC * capacityKWh }
    var initialKWh: Double { initialSOC * capacityKWh }
    var finalKWh: Double { finalSOC * capacityKWh }
}
