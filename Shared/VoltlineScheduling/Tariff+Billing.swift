extension Tariff {
    /// Bills a consumption series month by month (local calendar months, in time order).
    ///
    /// Demand of an interval is its energy over its length (kWh × 60 / `intervalMinutes`). A ratcheted charge
    /// bills at least its ratchet share of the highest earlier peak in its lookback, taken from the earlier
    /// months of this series and from `priorPeaks`.
    /// - Parameters:
    ///   - intervals: the series, in any order; intervals of equal length.
    ///   - intervalMinutes: the length of each interval (15 for the demand meters KEPCO bills on).
    ///   - priorPeaks: peaks before the series, kW by demand-charge name and month (`YYYY-MM`).
    /// - Returns: one bill per month that has intervals.
    public func bills(
        for intervals: some Sequence<MeteredInterval>, intervalMinutes: Int = 15,
        priorPeaks: [String: [String: Double]] = [:]
    ) -> [MonthlyBill] {
        let hoursPerInterval = Double(intervalMinutes) / 60
        var months: [String: MonthAccumulator] = [:]
        for interval in intervals {
            let local = LocalTime(interval.start, utcOffsetMinutes: utcOffsetMinutes)
            let found = period(at: local)
            let demandKW = interval.energyKWh / hoursPerInterval
            months[local.billingMonth, default: MonthAccumulator(charges: demandCharges.count)].add(
                interval.energyKWh, at: found, demandKW: demandKW, local: local, charges: demandCharges)
        }
        var peaks = priorPeaks
        return months.keys.sorted().map { month in
            let accumulated = months[month]!
            let demand = demandCharges.enumerated().compactMap { index, charge -> MonthlyBill.DemandLine? in
                guard let peak = accumulated.peaks[index] else { return nil }
                var billed = peak.kW
                if let ratchet = charge.ratchet {
                    billed = max(billed, ratchet.fraction * Self.highestPeak(before: month, in: peaks[charge.name] ?? [:], ratchet))
                }
                peaks[charge.name, default: [:]][month] = peak.kW
                return MonthlyBill.DemandLine(
                    name: charge.name, peakKW: peak.kW, peakAt: peak.at, billedKW: billed, ratePerKW: charge.ratePerKW,
                    cost: billed * charge.ratePerKW)
            }
            let order = periodOrder
            let periods = accumulated.periods.values.sorted {
                (order[$0.period] ?? .max, $0.period) < (order[$1.period] ?? .max, $1.period)
            }
            let surcharges = surcharges.map {
                MonthlyBill.SurchargeLine(name: $0.name, amount: $0.fixedPerBill + $0.perKWh * accumulated.energyKWh)
            }
            return MonthlyBill(
                month: month, energyKWh: accumulated.energyKWh, periods: periods, demand: demand, surcharges: surcharges)
        }
    }

    /// Each period's position of first appearance in the seasons, for a stable bill layout.
    private var periodOrder: [String: Int] {
        var order: [String: Int] = [:]
        for season in seasons {
            for name in season.windows.map(\.period) + [season.otherwise] where order[name] == nil {
                order[name] = order.count
            }
        }
        return order
    }

    /// The highest peak of the ratchet's lookback months before `month` (`YYYY-MM`), 0 when none.
    private static func highestPeak(before month: String, in peaks: [String: Double], _ ratchet: DemandRatchet) -> Double {
        guard let current = monthIndex(month) else { return 0 }
        return peaks.reduce(0) { highest, entry in
            guard let index = monthIndex(entry.key), (current - ratchet.lookbackMonths..<current).contains(index),
                ratchet.months?.contains(index % 12 + 1) ?? true
            else { return highest }
            return max(highest, entry.value)
        }
    }

    /// Months since year 0 of `YYYY-MM`.
    private static func monthIndex(_ month: String) -> Int? {
        let parts = month.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let number = Int(parts[1]) else { return nil }
        return year * 12 + number - 1
    }
}

/// Sums of one month while a series is billed.
private struct MonthAccumulator {
    var energyKWh = 0.0
    var periods: [String: MonthlyBill.PeriodLine] = [:]
    var peaks: [Int: (kW: Double, at: String)] = [:]

    init(charges: Int) {
        peaks.reserveCapacity(charges)
    }

    mutating func add(_ energyKWh: Double, at found: TariffPeriod, demandKW: Double, local: LocalTime, charges: [DemandCharge]) {
        self.energyKWh += energyKWh
        periods[found.period, default: .init(period: found.period, energyKWh: 0, cost: 0, intervals: 0)].energyKWh += energyKWh
        periods[found.period]!.cost += energyKWh * found.pricePerKWh
        periods[found.period]!.intervals += 1
        for (index, charge) in charges.enumerated()
        where charge.covers(month: local.month, hour: local.hour, on: found.dayType) && demandKW > (peaks[index]?.kW ?? -1) {
            peaks[index] = (demandKW, local.date + String(format: "T%02d:%02d", local.hour, local.minute))
        }
    }
}
