public import Foundation
import VoltlineSupport

/// Reproducible test instances: the same seed and sizes give the same problem on every machine.
///
/// A day (or more) of 15-minute slots from midnight on Tuesday 2025-07-15, Korean time, priced by the default
/// Korean tariff (summer) with its demand charge prorated to the horizon's share of a 30-day month (so a
/// one-day plan weighs its peak as the month's bill does on average). A base load of 300–500 kW with a daytime
/// hump; jobs spread over the machines at about 60 % machine utilisation, with 1–10 slot power profiles of
/// 40–250 kW, releases in the first 60 % of the horizon, due slots 8 to half a horizon of slack after the
/// earliest end, a lateness penalty of 1,000–4,000 KRW per slot,
/// and about a fifth of the jobs following a job on another machine. The peak limit leaves room for roughly
/// half the machines at full power at once. With storage: a 500 kWh pack, 250 kW each way, 95 % efficient
/// each way, SOC 10–90 %, starting and ending at 50 %.
public struct ScheduleInstanceGenerator: Sendable {
    /// The random seed.
    public var seed: UInt64
    public var jobs: Int
    public var machines: Int
    public var slots: Int
    public var storage: Bool

    /// Creates a generator.
    public init(seed: UInt64, jobs: Int, machines: Int, slots: Int, storage: Bool) {
        self.seed = seed
        self.jobs = jobs
        self.machines = machines
        self.slots = slots
        self.storage = storage
    }

    /// The instance.
    public func problem() -> ScheduleProblem {
        var random = SplitMix64(seed: seed)
        let start = Date(timeIntervalSince1970: 1_752_505_200)  // 2025-07-15T00:00:00+09:00
        let machineNames = (1...max(1, machines)).map { String(format: "m%02d", $0) }
        let meanDuration = max(1.0, 0.6 * Double(slots * machineNames.count) / Double(max(1, jobs)))
        let longest = max(1, min(10, Int((meanDuration * 1.6).rounded())))
        let shortest = max(1, min(longest, Int((meanDuration * 0.4).rounded())))
        let base = (0..<slots).map { slot -> Double in
            let hour = Double(slot % 96) / 4
            let hump = hour >= 8 && hour < 20 ? 120 * sin((hour - 8) / 12 * .pi) : 0
            return (330 + hump + random.uniform(0, 50)).rounded()
        }
        var jobList: [ProductionJob] = []
        for number in 0..<jobs {
            let machine = machineNames[number % machineNames.count]
            let duration = random.integer(shortest...longest)
            let level = random.uniform(40, 250)
            let power = (0..<duration).map { offset in ((offset == 0 ? 1.15 : 1) * level * random.uniform(0.9, 1.1)).rounded() }
            let release = random.integer(0...max(0, slots * 3 / 5))
            let due = min(slots, release + duration + random.integer(8...max(8, slots / 2)))
            var predecessors: [String] = []
            if number >= machineNames.count, random.uniform(0, 1) < 0.2 {
                let candidate = random.integer(0...(number - 1))
                if jobList[candidate].machine != machine { predecessors = [jobList[candidate].id] }
            }
            jobList.append(
                ProductionJob(
                    id: String(format: "j%03d", number + 1), machine: machine, powerKW: power, releaseSlot: release,
                    dueSlot: due, latenessPenaltyPerSlot: (random.uniform(1_000, 4_000) / 100).rounded() * 100,
                    predecessors: predecessors))
        }
        let fullPower = machineNames.reduce(0.0) { total, machine in
            total + (jobList.filter { $0.machine == machine }.flatMap(\.powerKW).max() ?? 0)
        }
        let limit = ((base.max() ?? 0) + 0.55 * fullPower).rounded()
        let battery = storage
            ? BatteryStorage(name: "pack-1", capacityKWh: 500, maxChargeKW: 250, maxDischargeKW: 250) : nil
        var problem = ScheduleProblem(
            tariff: .koreanIndustrial, start: start, slotCount: slots, baseLoadKW: base, peakLimitKW: limit,
            machines: machineNames, jobs: jobList, storage: battery)
        let horizonShare = Double(slots * problem.slotMinutes) / (30 * 1440)
        problem.demandCharges = problem.demandCharges.map {
            var prorated = $0
            prorated.ratePerKW = ($0.ratePerKW * horizonShare * 100).rounded() / 100
            return prorated
        }
        return problem
    }
}

extension SplitMix64 {
    /// Uniform in [low, high).
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(next() >> 11) / Double(1 << 53)
    }

    /// Uniform in `range`.
    mutating func integer(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}
