import ArgumentParser

@main struct BatteryToolMain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "voltline-battery")
}
