/// Everything the equivalent-circuit model needs to know about one cell type: datasheet ratings, the
/// open-circuit voltage curve, the circuit's resistances, thermal properties, ageing and abuse behaviour.
///
/// Resistances are given at 25 °C and mid state of charge; the model scales them with temperature
/// (Arrhenius, `resistanceActivationEnergy`), rises them towards empty (`1 + lowChargeResistanceRise ·
/// exp(−SOC / lowChargeResistanceWidth)`) and grows them with age.
public struct CellParameters: Sendable, Hashable {
    /// The cell's name ("Samsung INR18650-25R").
    public var name: String
    /// The cathode chemistry.
    public var chemistry: CellChemistry
    /// Rated capacity in Ah.
    public var capacityAh: Double
    /// Nominal, maximum (charge) and minimum (discharge cut-off) voltage in V.
    public var nominalVoltageV: Double
    public var maxVoltageV: Double
    public var minVoltageV: Double
    /// Datasheet maximum continuous charge and discharge current in A (magnitudes).
    public var maxChargeCurrentA: Double
    public var maxDischargeCurrentA: Double
    /// Open-circuit voltage against state of charge.
    public var openCircuitVoltage: OpenCircuitVoltageCurve
    /// Ohmic series resistance in Ω at 25 °C.
    public var seriesResistanceOhm: Double
    /// The two RC branches: charge transfer (seconds) and diffusion (minutes).
    public var rcPairs: [RCPair]
    /// Activation energy of the resistances in J/mol.
    public var resistanceActivationEnergy: Double
    /// How much the resistances rise towards empty, and over what state-of-charge width.
    public var lowChargeResistanceRise: Double
    public var lowChargeResistanceWidth: Double
    /// Relative capacity lost per kelvin below 25 °C (lithium moves more slowly in the cold).
    public var coldCapacityLossPerK: Double
    /// Mass in kg and heat capacity in J/K.
    public var massKg: Double
    public var heatCapacityJPerK: Double
    /// Whether the reversible (entropic) heat is part of the heat balance.
    public var includesEntropicHeat: Bool
    /// Ageing coefficients.
    public var ageing: AgeingParameters
    /// Self-heating behaviour at abuse temperatures.
    public var abuse: ThermalAbuseParameters

    /// Creates a parameter set.
    public init(
        name: String, chemistry: CellChemistry, capacityAh: Double, nominalVoltageV: Double, maxVoltageV: Double,
        minVoltageV: Double, maxChargeCurrentA: Double, maxDischargeCurrentA: Double,
        openCircuitVoltage: OpenCircuitVoltageCurve? = nil, seriesResistanceOhm: Double, rcPairs: [RCPair],
        resistanceActivationEnergy: Double = 25_000, lowChargeResistanceRise: Double = 1.5,
        lowChargeResistanceWidth: Double = 0.06, coldCapacityLossPerK: Double = 0.003, massKg: Double,
        heatCapacityJPerK: Double, includesEntropicHeat: Bool = true, ageing: AgeingParameters,
        abuse: ThermalAbuseParameters? = nil
    ) {
        self.name = name
        self.chemistry = chemistry
        self.capacityAh = capacityAh
        self.nominalVoltageV = nominalVoltageV
        self.maxVoltageV = maxVoltageV
        self.minVoltageV = minVoltageV
        self.maxChargeCurrentA = maxChargeCurrentA
        self.maxDischargeCurrentA = maxDischargeCurrentA
        self.openCircuitVoltage = openCircuitVoltage ?? chemistry.openCircuitVoltage
        self.seriesResistanceOhm = seriesResistanceOhm
        self.rcPairs = rcPairs
        self.resistanceActivationEnergy = resistanceActivationEnergy
        self.lowChargeResistanceRise = lowChargeResistanceRise
        self.lowChargeResistanceWidth = lowChargeResistanceWidth
        self.coldCapacityLossPerK = coldCapacityLossPerK
        self.massKg = massKg
        self.heatCapacityJPerK = heatCapacityJPerK
        self.includesEntropicHeat = includesEntropicHeat
        self.ageing = ageing
        self.abuse = abuse ?? (chemistry == .lfp ? .ironPhosphate : .layeredOxide)
    }

    /// DC resistance (series plus both branches, fully developed) at 25 °C and mid state of charge, in Ω.
    public var directCurrentResistanceOhm: Double {
        seriesResistanceOhm + rcPairs.reduce(0) { $0 + $1.resistanceOhm }
    }

    /// The parameters of `count` identical cells in parallel, as one lumped cell: capacity, currents, mass
    /// and heat capacity multiply, resistances divide.
    public func parallel(_ count: Int) -> CellParameters {
        let n = Double(count)
        var lumped = self
        lumped.capacityAh *= n
        lumped.maxChargeCurrentA *= n
        lumped.maxDischargeCurrentA *= n
        lumped.seriesResistanceOhm /= n
        lumped.rcPairs = rcPairs.map { RCPair(resistanceOhm: $0.resistanceOhm / n, timeConstantSeconds: $0.timeConstantSeconds) }
        lumped.massKg *= n
        lumped.heatCapacityJPerK *= n
        return lumped
    }
}
