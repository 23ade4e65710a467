import ArgumentParser

@main struct ModelToolMain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "voltline-models")
}
