import ArgumentParser

/// `voltline-bench`: measures Voltline's client wrappers against the tools that ship with the servers.
///
/// Speed is measured here, never in timed unit tests: the numbers depend on the machine and its load.
@main
struct BenchMain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voltline-bench",
        abstract: "Benchmark Voltline's MQTT, Kafka and PostgreSQL clients against the servers' own tools.",
        subcommands: [ClientsCommand.self, PipelineCommand.self],
        defaultSubcommand: ClientsCommand.self)
}
