import ArgumentParser

/// `voltline-battery`: offline battery analytics on recorded cells and simulated fleets.
@main struct BatteryToolMain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voltline-battery", abstract: "Battery health analytics on recorded cells and simulated fleets.",
        subcommands: [EvaluateCommand.self, TrainCommand.self, FeaturesCommand.self, RunawayCommand.self, ValidateModelCommand.self])
}
