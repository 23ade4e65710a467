/// A power-metered machine's nameplate and usage: what the simulation needs to produce its load.
public struct MachineSpec: Sendable, Hashable {
    /// What the machine is, for registration ("Hydraulic press").
    public var model: String
    /// Rated active power in kW.
    public var ratedPowerKW: Double
    /// Nominal line-to-line supply voltage in V.
    public var nominalVoltageV: Double
    /// When the machine works.
    public var schedule: ShiftSchedule
    /// How it loads the supply in each state.
    public var dutyCycle: DutyCycle

    /// Creates a machine spec.
    public init(
        model: String, ratedPowerKW: Double, nominalVoltageV: Double = 400,
        schedule: ShiftSchedule = .twoShiftWeek(), dutyCycle: DutyCycle = DutyCycle()
    ) {
        self.model = model
        self.ratedPowerKW = ratedPowerKW
        self.nominalVoltageV = nominalVoltageV
        self.schedule = schedule
        self.dutyCycle = dutyCycle
    }
}
