import ArgumentParser
import Foundation

/// Where the recorded cells are and which of them to use.
struct DataDirectoryOptions: ParsableArguments {
    @Option(name: .long, help: "Directory with cells in the NASA CSV format.")
    var data: String = "../shared/data/battery-nasa"

    @Option(name: .long, parsing: .upToNextOption, help: "Cells to use (default: every cell in the directory).")
    var cells: [String] = []

    var directory: URL { URL(fileURLWithPath: data) }
    var selectedCells: [String]? { cells.isEmpty ? nil : cells }
}
