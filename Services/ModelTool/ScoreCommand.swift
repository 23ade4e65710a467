import ArgumentParser
import Foundation
import VoltlineLearning

/// `voltline-models score`: anomaly scores (0–1) for every row of a CSV file.
///
/// One value column: the streaming detectors (robust median/MAD, EWMA, CUSUM, seasonal baseline), each
/// row scored before it is learnt, as the anomaly service does. Several `--columns`: an Isolation Forest
/// trained on the rows before `--train-until` (all rows when absent), calibrated on its training scores.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score", abstract: "Write timestamp,<values>,anomaly_score rows for a CSV file.")

    @Option(help: "CSV file with a header row.")
    var csv: String

    @Option(help: "Column with the timestamps (ISO 8601 or epoch seconds/ms).")
    var timeColumn = "timestamp"

    @Option(help: "Comma-separated value columns; one column uses the streaming detectors, several the Isolation Forest.")
    var columns = "value"

    @Option(help: "Train the Isolation Forest on rows before this time only (YYYY-MM-DD[THH:MM:SS]).")
    var trainUntil: String?

    @Option(help: "Output file (default: standard output).")
    var output: String?

    @Flag(help: "Leave out the seasonal baseline (series without a daily rhythm).")
    var noSeasonal = false

    func run() throws {
        let table = try DelimitedTable(text: String(contentsOfFile: csv, encoding: .utf8))
        let timeIndex = try table.column(timeColumn)
        let names = columns.split(separator: ",").map(String.init)
        let columnIndices = try names.map { try table.column($0) }
        let times = try table.rows.enumerated().map { number, row in
            guard let seconds = TimestampParser.seconds(row[timeIndex]) else {
                throw ValidationError("row \(number + 1): \"\(row[timeIndex])\" is not a timestamp")
            }
            return seconds
        }
        let scores: [Double]
        if columnIndices.count == 1 {
            var scorer = SeriesAnomalyScorer(seasonal: noSeasonal ? nil : SeasonalBaselineDetector())
            let values = table.numbers(columnIndices[0])
            scores = zip(values, times).map { scorer.observe($0, atSeconds: $1).combined }
        } else {
            let rows = table.rows.flatMap { row in columnIndices.map { Float(row[$0]) ?? .nan } }
            let limit = try trainUntil.map { try parseTime($0, option: "train-until") } ?? .max
            let trainingRows = times.indices.filter { times[$0] < limit }.flatMap {
                rows[($0 * names.count)..<(($0 + 1) * names.count)]
            }
            let model = try MultivariateAnomalyModel(featureNames: names, training: trainingRows)
            scores = model.scores(rows)
        }
        var text = ([table.header[timeIndex]] + names + ["anomaly_score"]).joined(separator: ",") + "\n"
        for (row, score) in zip(table.rows, scores) {
            text += ([row[timeIndex]] + columnIndices.map { row[$0] }).joined(separator: ",")
                + "," + String(format: "%.6f", score) + "\n"
        }
        if let output {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            print(text, terminator: "")
        }
    }
}
