import Foundation
import Testing
import VoltlineScheduling

/// The default tariff against the time-of-use block the utility recorded for each interval of a real Korean
/// steel plant (`/work/shared/data/steel-plant`, or `VOLTLINE_SHARED_DATA`).
@Suite("Steel-plant time-of-use blocks")
struct SteelPlantTariffTests {
    static let file = URL(
        fileURLWithPath: ProcessInfo.processInfo.environment["VOLTLINE_SHARED_DATA"] ?? "/work/shared/data"
    ).appendingPathComponent("steel-plant/steel_plant_2018_jan_sep.csv")

    /// The file's `load_type` names and the default tariff's periods.
    static let periods = ["Light_Load": "off-peak", "Medium_Load": "shoulder", "Maximum_Load": "peak"]

    struct Interval {
        let start: String
        let day: Substring
        let loadType: String
    }

    /// The intervals of January 2018 (the first month of the file).
    static func january() throws -> [Interval] {
        let lines = try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",").map(String.init)
        let startColumn = try #require(header.firstIndex(of: "interval_start"))
        let loadColumn = try #require(header.firstIndex(of: "load_type"))
        return lines.dropFirst().compactMap { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let start = String(fields[startColumn])
            guard start.hasPrefix("2018-01") else { return nil }
            return Interval(start: start, day: start.prefix(10), loadType: String(fields[loadColumn]))
        }
    }

    @Test("the tariff reproduces the recorded block of every interval on the plant's working days")
    func januaryBlocks() throws {
        var tariff = Tariff.koreanIndustrial
        tariff.holidays = ["2018-01-01"]  // New Year's Day, a public holiday
        let intervals = try Self.january()
        #expect(intervals.count == 31 * 96)
        // Days the file records as Light for all 24 hours: no peak block was charged that day.
        let allLightDays = Set(Dictionary(grouping: intervals, by: \.day).filter { $0.value.allSatisfy { $0.loadType == "Light_Load" } }.keys)

        var mismatches: [Interval] = []
        for interval in intervals {
            let period = tariff.price(energyKWh: 1, intervalStart: KoreanTime.date(interval.start)).period
            if Self.periods[interval.loadType] != period { mismatches.append(interval) }
        }
        let workingDays = intervals.filter { !allLightDays.contains($0.day) }
        let workingMismatches = mismatches.filter { !allLightDays.contains($0.day) }
        let workingShare = 1 - Double(workingMismatches.count) / Double(workingDays.count)
        #expect(workingShare >= 0.99, "matched \(workingShare) of working-day intervals")
        #expect(workingMismatches.isEmpty, "first: \(workingMismatches.prefix(3).map(\.start))")
        // The remaining differences are whole plant days off (Sat 6, Sun 7, Sun 21 January) that no calendar
        // rule predicts: other Saturdays and Sundays of the month carry the normal blocks.
        #expect(Set(mismatches.map(\.day)) == ["2018-01-06", "2018-01-07", "2018-01-21"])
        let overall = 1 - Double(mismatches.count) / Double(intervals.count)
        #expect(overall > 0.94, "matched \(overall) of all intervals")
    }
}
