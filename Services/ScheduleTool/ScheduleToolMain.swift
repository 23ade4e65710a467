import ArgumentParser

@main struct ScheduleToolMain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "voltline-schedule")
}
