import Foundation
import VoltlineScheduling
import VoltlineTestSupport

/// The steel plant's 15-minute series (`steel-plant/steel_plant_2018_jan_sep.csv` in the shared data): local
/// start, energy and the time-of-use block the utility recorded for each interval.
struct SteelPlantSeries {
    struct Row {
        /// Local start, `2018-01-01T00:00:00`.
        let start: String
        let energyKWh: Double
        /// `Light_Load`, `Medium_Load` or `Maximum_Load`.
        let loadType: String
        var day: Substring { start.prefix(10) }
    }

    /// The file's block names and the default tariff's periods.
    static let periods = ["Light_Load": "off-peak", "Medium_Load": "shoulder", "Maximum_Load": "peak"]

    let rows: [Row]

    /// Reads the whole file (26,208 rows).
    init() throws {
        let file = try RepositoryPaths.sharedData("steel-plant/steel_plant_2018_jan_sep.csv")
        let lines = try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",").map(String.init)
        guard let start = header.firstIndex(of: "interval_start"), let usage = header.firstIndex(of: "usage_kwh"),
            let load = header.firstIndex(of: "load_type")
        else { throw SteelPlantFileError(description: "\(file.path) lacks interval_start, usage_kwh or load_type") }
        rows = lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return Row(start: String(fields[start]), energyKWh: Double(fields[usage]) ?? .nan, loadType: String(fields[load]))
        }
    }

    /// The series as metered intervals.
    var intervals: [MeteredInterval] {
        rows.map { MeteredInterval(start: KoreanTime.date($0.start), energyKWh: $0.energyKWh) }
    }
}

/// The steel-plant file does not have the expected columns.
struct SteelPlantFileError: Error, CustomStringConvertible {
    let description: String
}
