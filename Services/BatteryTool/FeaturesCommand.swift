import ArgumentParser
import Foundation
import VoltlineBatteryHealth

/// Prints each charge's features beside the capacity of the discharge that follows it, as CSV.
struct FeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "features", abstract: "Print each charge's features and the following discharge's capacity (CSV).")

    @OptionGroup var data: DataDirectoryOptions

    func run() throws {
        let cells = try NASADataset.load(directory: data.directory, cells: data.selectedCells)
        let extractor = ChargeFeatureExtractor()
        print((["cell", "cycle"] + ChargeFeatures.modelInputNames + ["end_current_a", "capacity_ah"]).joined(separator: ","))
        for cell in cells {
            let capacities = Dictionary(cell.capacities.map { ($0.cycle, $0.capacityAh) }) { first, _ in first }
            for charge in cell.charges {
                guard let features = extractor.features(of: charge) else { continue }
                let values = features.modelInputs.map { $0.isNaN ? "" : String(format: "%.4f", $0) }
                let capacity = capacities[charge.cycle].map { String(format: "%.4f", $0) } ?? ""
                print(([cell.name, String(charge.cycle)] + values + [String(format: "%.4f", features.endCurrentA), capacity])
                    .joined(separator: ","))
            }
        }
    }
}
