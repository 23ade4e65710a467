import Foundation
import Testing
import VoltlineScheduling

@Suite("Schedule problems")
struct ScheduleProblemTests {
    @Test("JSON round trip with snake_case unit keys")
    func json() throws {
        let problem = ScheduleInstanceGenerator(seed: 3, jobs: 6, machines: 2, slots: 24, storage: true).problem()
        let data = try ScheduleProblem.jsonEncoder.encode(problem)
        let text = String(decoding: data, as: UTF8.self)
        for key in ["\"peak_limit_kw\"", "\"base_load_kw\"", "\"energy_price_per_kwh\"", "\"min_soc\"", "\"capacity_kwh\"", "\"rate_per_kw\""] {
            #expect(text.contains(key), "missing \(key)")
        }
        #expect(try ScheduleProblem.jsonDecoder.decode(ScheduleProblem.self, from: data) == problem)
    }

    @Test("the generator is reproducible and seeds differ")
    func generator() {
        let one = ScheduleInstanceGenerator(seed: 11, jobs: 20, machines: 4, slots: 96, storage: false)
        #expect(one.problem() == one.problem())
        var other = one
        other.seed = 12
        #expect(one.problem() != other.problem())
        let problem = one.problem()
        #expect(problem.jobs.count == 20 && problem.slotCount == 96 && problem.machines.count == 4)
    }

    @Test("a problem priced by the Korean tariff: slot prices include surcharges, demand at the full rate")
    func tariffPricing() throws {
        let start = try #require(ISO8601DateFormatter().date(from: "2025-07-15T00:00:00+09:00"))
        let problem = ScheduleProblem(
            tariff: .koreanIndustrial, start: start, slotCount: 96, billedDemandKW: ["basic": 800],
            baseLoadKW: Array(repeating: 100, count: 96), peakLimitKW: 1_000, machines: [], jobs: [])
        #expect(problem.energyPricePerKWh[0] == 95.7 + 14)
        #expect(problem.energyPricePerKWh[40] == 155.0 + 14)  // 10:00 summer peak
        #expect(problem.energyPricePerKWh[36] == 121.5 + 14)  // 09:00 mid load
        #expect(problem.demandCharges == [HorizonDemandCharge(name: "basic", ratePerKW: 6_490, floorKW: 800)])
        #expect(problem.clockTime(ofSlot: 92) == "23:00")
        #expect(problem.clockTime(ofSlot: 97) == "00:15 (+1d)")
    }
}
