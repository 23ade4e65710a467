import ArgumentParser
import Foundation
import VoltlineScheduling

/// `voltline-schedule generate`: writes reproducible instances as JSON.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Write reproducible instances (ScheduleProblem JSON) to a directory.")

    @Option(help: "Seed of the first instance; instance i uses seed + i.")
    var seed: UInt64 = 1
    @Option(help: "Instances to write.")
    var count: Int = 1
    @Option(help: "Jobs per instance.")
    var jobs: Int = 50
    @Option(help: "Machines per instance.")
    var machines: Int = 5
    @Option(help: "15-minute slots in the horizon.")
    var slots: Int = 96
    @Flag(help: "Add a battery.")
    var storage = false
    @Option(help: "Directory to write to (created if missing).")
    var out: String

    func validate() throws {
        guard jobs > 0, machines > 0, slots > 0, count > 0 else {
            throw ValidationError("jobs, machines, slots and count must be positive")
        }
    }

    func run() throws {
        let directory = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for index in 0..<count {
            let instanceSeed = seed + UInt64(index)
            let problem = ScheduleInstanceGenerator(
                seed: instanceSeed, jobs: jobs, machines: machines, slots: slots, storage: storage
            ).problem()
            let name = "j\(jobs)-m\(machines)-s\(slots)\(storage ? "-storage" : "")-seed\(instanceSeed).json"
            try ScheduleProblem.jsonEncoder.encode(problem).write(to: directory.appendingPathComponent(name))
            print(directory.appendingPathComponent(name).path)
        }
    }
}
