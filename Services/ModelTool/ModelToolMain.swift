import ArgumentParser

/// `voltline-models`: offline evaluation and scoring with the VoltlineLearning models.
@main
struct ModelToolMain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voltline-models",
        abstract: "Evaluate load forecasts, score CSV files for anomalies, and benchmark the Isolation Forest.",
        subcommands: [ForecastEvalCommand.self, ScoreCommand.self, BenchIsolationForestCommand.self])
}
