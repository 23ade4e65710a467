public import Foundation

extension ScheduleProblem {
    /// A problem priced by a tariff: each slot's energy price is its period's price plus the per-kWh surcharges,
    /// and each demand charge that applies in the horizon's month becomes a ``HorizonDemandCharge`` over the
    /// slots it covers, at its full monthly rate above the demand already billed.
    /// - Parameters:
    ///   - tariff: the tariff.
    ///   - start: the start of slot 0.
    ///   - slotCount: the number of slots.
    ///   - slotMinutes: the slot length.
    ///   - billedDemandKW: demand already billed this month (its peak so far, or the ratchet), by charge name.
    public init(
        tariff: Tariff, start: Date, slotCount: Int, slotMinutes: Int = 15, billedDemandKW: [String: Double] = [:],
        baseLoadKW: [Double], peakLimitKW: Double, machines: [String], jobs: [ProductionJob],
        storage: BatteryStorage? = nil
    ) {
        let periods = (0..<slotCount).map { tariff.period(at: start.addingTimeInterval(Double($0 * slotMinutes * 60))) }
        let surcharge = tariff.surchargePerKWh
        let charges = tariff.demandCharges.compactMap { charge -> HorizonDemandCharge? in
            let slots = periods.indices.filter {
                charge.covers(month: periods[$0].month, hour: periods[$0].hour, on: periods[$0].dayType)
            }
            guard !slots.isEmpty else { return nil }
            return HorizonDemandCharge(
                name: charge.name, ratePerKW: charge.ratePerKW, floorKW: billedDemandKW[charge.name] ?? 0,
                slots: slots.count == slotCount ? nil : slots)
        }
        self.init(
            start: start, utcOffsetMinutes: tariff.utcOffsetMinutes, slotMinutes: slotMinutes, currency: tariff.currency,
            energyPricePerKWh: periods.map { $0.pricePerKWh + surcharge }, demandCharges: charges, baseLoadKW: baseLoadKW,
            peakLimitKW: peakLimitKW, machines: machines, jobs: jobs, storage: storage)
    }
}
