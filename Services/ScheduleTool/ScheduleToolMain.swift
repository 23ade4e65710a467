import ArgumentParser

/// `voltline-schedule`: generates reproducible scheduling instances and solves them, for evaluation.
@main
struct ScheduleToolMain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voltline-schedule",
        abstract: "Generate and solve production-scheduling instances under a time-of-use tariff.",
        subcommands: [GenerateCommand.self, SolveCommand.self])
}
