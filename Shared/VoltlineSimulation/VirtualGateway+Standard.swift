extension VirtualGateway {
    /// The reference plant: six machines on two lines of site `plant-1` and the five reference battery packs,
    /// started at different points of their cycles.
    ///
    /// Line 1 has two hydraulic presses and a welding cell, line 2 two CNC machining centres and an air
    /// compressor. Pack ids are `pack-samsung-25r-01`, `pack-panasonic-ncr18650b-01`, `pack-lg-e63-01`,
    /// `pack-byd-blade-01` and `pack-tesla-model-y-01`.
    /// - Parameters:
    ///   - seed: the seed of all randomness.
    ///   - startMillis: the simulated start time, in milliseconds since the Unix epoch (UTC).
    ///   - sampleIntervalMillis: simulated time between two readings of a device.
    ///   - utcOffsetSeconds: the plant's offset from UTC, which places its shifts.
    public static func standard(
        seed: UInt64, startMillis: Int64, sampleIntervalMillis: Int64 = 1000, utcOffsetSeconds: Int = 0
    ) -> VirtualGateway {
        var gateway = VirtualGateway(seed: seed, startMillis: startMillis, sampleIntervalMillis: sampleIntervalMillis)
        let site = "plant-1"
        let schedule = ShiftSchedule.twoShiftWeek(utcOffsetSeconds: utcOffsetSeconds)
        let machines: [(id: String, line: String, model: String, ratedPowerKW: Double)] = [
            ("press-01", "line-1", "Hydraulic press", 75), ("press-02", "line-1", "Hydraulic press", 75),
            ("weld-01", "line-1", "Robot welding cell", 40), ("cnc-01", "line-2", "CNC machining centre", 30),
            ("cnc-02", "line-2", "CNC machining centre", 30), ("compressor-01", "line-2", "Screw air compressor", 55),
        ]
        // The ids here are valid and distinct, so adding cannot fail.
        for machine in machines {
            let spec = MachineSpec(model: machine.model, ratedPowerKW: machine.ratedPowerKW, schedule: schedule)
            try! gateway.addMachine(id: machine.id, site: site, line: machine.line, spec: spec)
        }
        let peakShaving = CycleProfile.DischargeLoad.variable(cRate: 0.2...1.0, holdSeconds: 30...300)
        let packs: [(id: String, spec: BatteryPackSpec, operation: CycleProfile, percent: Double, phase: CyclePhase)] = [
            ("pack-samsung-25r-01", .samsung25R, CycleProfile(discharge: .constant(cRate: 1)), 20, .charging),
            ("pack-panasonic-ncr18650b-01", .panasonicNCR18650B, CycleProfile(), 90, .discharging),
            ("pack-lg-e63-01", .lgChemE63, CycleProfile(discharge: peakShaving), 50, .charging),
            ("pack-byd-blade-01", .bydBlade, CycleProfile(), 60, .discharging),
            ("pack-tesla-model-y-01", .teslaModelY21700, CycleProfile(discharge: peakShaving), 95, .restingAfterCharge),
        ]
        for pack in packs {
            try! gateway.addBatteryPack(
                id: pack.id, site: site, spec: pack.spec, operation: pack.operation,
                stateOfChargePercent: pack.percent, phase: pack.phase)
        }
        return gateway
    }
}
