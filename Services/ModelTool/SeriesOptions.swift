import ArgumentParser
import Foundation
import VoltlineLearning

/// The options that name a CSV series: the file and its time and value columns.
struct SeriesOptions: ParsableArguments {
    @Option(help: "CSV file with a header row.")
    var csv: String

    @Option(help: "Column with the interval start times (ISO 8601 or epoch seconds/ms).")
    var timeColumn = "timestamp"

    @Option(help: "Column with the values.")
    var valueColumn = "value"

    @Option(help: "Comma-separated columns known in advance (e.g. a tariff period), used at the forecast interval.")
    var knownAheadColumns = ""

    /// The file as a table.
    func table() throws -> DelimitedTable {
        try DelimitedTable(text: String(contentsOfFile: csv, encoding: .utf8))
    }
}

/// Parses an ISO 8601 date or date-time option into seconds since the epoch.
func parseTime(_ text: String, option: String) throws -> Int64 {
    guard let seconds = TimestampParser.seconds(Substring(text)) else {
        throw ValidationError("--\(option) \"\(text)\" is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)")
    }
    return seconds
}
