import Foundation

/// Renders ``BenchRow``s as one plain-text table.
enum ResultTable {
    static func render(_ rows: [BenchRow]) -> String {
        let header = [
            "scenario", "n", "ours", "ours rate", "ours MB/s", "tool", "tool rate", "tool MB/s", "ours/tool",
            "lost o/t",
            "peak RSS",
        ]
        let lines = rows.map { row in
            [
                row.scenario, grouped(row.ours.expected), row.ours.name, rate(row.ours.rate, row.unit),
                decimal(row.ours.megabytesPerSecond, 1),
                row.tool.name, rate(row.tool.rate, row.unit), decimal(row.tool.megabytesPerSecond, 1),
                decimal(row.ratio, 2), "\(row.ours.lost)/\(row.tool.lost)",
                row.peakRSSBytes.map { "\($0 / 1_048_576) MiB" } ?? "-",
            ]
        }
        let widths = header.indices.map { column in
            ([header] + lines).map { $0[column].count }.max() ?? 0
        }
        func format(_ cells: [String]) -> String {
            zip(cells, widths).map { cell, width in cell.padding(toLength: width, withPad: " ", startingAt: 0) }
                .joined(separator: " | ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "-|-")
        return ([format(header), rule] + lines.map(format)).joined(separator: "\n")
    }

    private static func rate(_ value: Double, _ unit: String) -> String {
        "\(grouped(Int(value.rounded()))) \(unit)/s"
    }

    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    static func decimal(_ value: Double, _ places: Int) -> String {
        String(format: "%.\(places)f", value)
    }
}
