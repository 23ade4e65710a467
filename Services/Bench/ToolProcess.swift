import Foundation

/// A server tool (`mosquitto_pub`, `kcat`, `psql`) run as a child process, with stdin read from a file and
/// stdout written to a file, whose exit time is taken the moment it exits.
final class ToolProcess: Sendable {
    /// How the process ended.
    struct Exit: Sendable {
        /// The exit status, or the signal number when ``timedOut``.
        var status: Int32
        /// When the process exited, as seen by this process.
        var instant: ContinuousClock.Instant
        /// Whether the process was terminated because it exceeded its time limit.
        var timedOut: Bool
    }

    /// The program's file name, for messages.
    let name: String
    private let process: Process
    private let exits: AsyncStream<(status: Int32, instant: ContinuousClock.Instant)>

    /// Prepares the process; ``start()`` launches it.
    /// - Parameters:
    ///   - executable: the program, looked up on `PATH` unless it contains a slash.
    ///   - arguments: the command-line arguments.
    ///   - standardInput: a file to read stdin from; `nil` for no input.
    ///   - standardOutput: a file to write stdout to (created or truncated); `nil` discards it.
    /// - Throws: when a file cannot be opened.
    init(_ executable: String, _ arguments: [String], standardInput: URL? = nil, standardOutput: URL? = nil) throws {
        name = executable
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        process.standardInput = try standardInput.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        if let standardOutput {
            _ = FileManager.default.createFile(atPath: standardOutput.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: standardOutput)
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        let (exits, continuation) = AsyncStream<(status: Int32, instant: ContinuousClock.Instant)>.makeStream()
        // Runs on a Foundation thread right after the child is reaped: the timestamp is the exit time.
        process.terminationHandler = { process in
            continuation.yield((process.terminationStatus, .now))
            continuation.finish()
        }
        self.process = process
        self.exits = exits
    }

    /// Launches the process.
    /// - Throws: when the program cannot be started.
    func start() throws {
        try process.run()
    }

    /// Waits for the process to exit, terminating it (SIGTERM) after `limit`.
    /// - Returns: the exit status and time.
    func waitForExit(limit: Duration) async -> Exit {
        let watchdog = Task { [process] in
            guard (try? await Task.sleep(for: limit)) != nil else { return false }
            process.terminate()
            return true
        }
        var iterator = exits.makeAsyncIterator()
        let exit = await iterator.next()
        watchdog.cancel()
        let timedOut = await watchdog.value
        return Exit(status: exit?.status ?? -1, instant: exit?.instant ?? .now, timedOut: timedOut)
    }
}

/// A tool exited with a failure status.
struct ToolFailure: Error, CustomStringConvertible {
    var tool: String
    var status: Int32

    var description: String { "\(tool) exited with status \(status)" }
}
