import ArgumentParser
import Foundation
import Logging
import VoltlineBatteryHealth
import VoltlinePostgres

/// `voltline-battery train`: trains a state-of-health model on recorded cells and stores it (PostgreSQL, file).
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the XGBoost state-of-health model on every accepted charge of the cells; store it versioned.")

    @OptionGroup var data: DataDirectoryOptions

    @Option(help: "Rated capacity in Ah (SOH = capacity / rated).")
    var ratedCapacity: Double = 2

    @Option(help: "PostgreSQL URL to store the model in (battery_health_models), where the anomaly service finds it.")
    var databaseURL: String?

    @Option(help: "Also write the model (JSON) to this file.")
    var output: String?

    func run() async throws {
        let cells = try NASADataset.load(directory: data.directory, cells: data.selectedCells)
        let screen = ChargeScreen.Configuration(ratedCapacityAh: ratedCapacity)
        let samples = cells.flatMap { HealthObservation.observations(of: $0, screen: screen) }.compactMap { observation in
            observation.rejection == nil
                ? observation.measuredCapacityAh.map { (observation.features, $0 / ratedCapacity) } : nil
        }
        let model = try StateOfHealthModel.train(
            samples: samples, ratedCapacityAh: ratedCapacity, trainedOn: cells.map(\.name))
        print("trained \(model.metadata.version) on \(cells.map(\.name).joined(separator: ", ")): \(samples.count) charges")
        if let output {
            try model.serialized().write(to: URL(fileURLWithPath: output))
            print("written to \(output)")
        }
        if let databaseURL {
            let connection = try await PostgresConnection.connect(
                configuration: try PostgresConfiguration(url: databaseURL), logger: Logger(label: "voltline-battery"))
            let stored = try await StateOfHealthModelStore.store(model, on: connection)
            await connection.close()
            print(stored ? "stored in battery_health_models" : "version already stored")
        }
    }
}
