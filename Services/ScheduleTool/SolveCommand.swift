import ArgumentParser
import Foundation
import VoltlineScheduling

/// `voltline-schedule solve`: solves every instance in a directory and prints a table (or JSON lines).
struct SolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve each *.json instance in a directory; print objective, gap, time, heuristic, baseline, saving.")

    @Argument(help: "A directory of instances, or one instance file.")
    var path: String
    @Option(name: .customLong("time-limit"), help: "CBC time limit per instance, seconds.")
    var timeLimit: Double = 30
    @Option(help: "Relative gap at which CBC stops (0.005 = 0.5 %).")
    var gap: Double = 0.005
    @Option(help: "CBC threads.")
    var threads: Int = 1
    @Flag(help: "Print one JSON object per instance instead of the table.")
    var json = false
    @Option(name: .customLong("mps-dir"), help: "Also write each instance's MILP in MPS format here.")
    var mpsDirectory: String?
    @Option(name: .customLong("plan-dir"), help: "Also write each full outcome (plans, recommendations) as JSON here.")
    var planDirectory: String?

    func run() async throws {
        let files = try instanceFiles()
        let settings = OptimizerSettings(timeLimitSeconds: timeLimit, relativeGap: gap, threads: threads)
        var rows: [EvaluationRow] = []
        if !json { print(EvaluationRow.header) }
        for file in files {
            let problem = try ScheduleProblem.jsonDecoder.decode(ScheduleProblem.self, from: Data(contentsOf: file))
            let name = file.deletingPathExtension().lastPathComponent
            if let mpsDirectory {
                try FileManager.default.createDirectory(atPath: mpsDirectory, withIntermediateDirectories: true)
                try ScheduleOptimizer.writeMPS(problem, toBase: URL(fileURLWithPath: mpsDirectory).appendingPathComponent(name))
            }
            let row: EvaluationRow
            do throws(ScheduleInfeasibility) {
                let outcome = try await ScheduleOptimizer.optimise(problem, settings: settings)
                row = EvaluationRow(instance: name, problem: problem, outcome: outcome)
                write(outcome, name: name)
            } catch {
                row = EvaluationRow(instance: name, problem: problem, infeasible: error.description)
            }
            rows.append(row)
            print(json ? String(decoding: try ScheduleProblem.jsonEncoder.encode(row), as: UTF8.self) : row.line)
        }
        if !json, rows.count > 1 { print(EvaluationRow.summary(rows)) }
    }

    /// Writes the outcome when `--plan-dir` asks for it; failures are reported, not fatal.
    private func write(_ outcome: ScheduleOutcome, name: String) {
        guard let planDirectory else { return }
        do {
            try FileManager.default.createDirectory(atPath: planDirectory, withIntermediateDirectories: true)
            try ScheduleProblem.jsonEncoder.encode(outcome).write(
                to: URL(fileURLWithPath: planDirectory).appendingPathComponent(name + ".outcome.json"))
        } catch {
            print("could not write the outcome of \(name): \(error)")
        }
    }

    private func instanceFiles() throws -> [URL] {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ValidationError("\(path) does not exist")
        }
        guard isDirectory.boolValue else { return [url] }
        return try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
