import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// Waits for the process to exit, stopping it after `limit`.
    ///
    /// With `progress`, `limit` counts from the last time `progress` changed, so a slow but steady tool is
    /// never cut off. A stopped tool gets SIGTERM, then SIGKILL a second later (`mosquitto_sub` catches SIGTERM
    /// and can stay blocked).
    /// - Parameters:
    ///   - limit: the longest wait, or with `progress` the longest wait without progress.
    ///   - progress: a measure of the tool's output that grows while it works, such as its output file's size.
    /// - Returns: the exit status and time.
    func waitForExit(limit: Duration, progress: (@Sendable () -> Int)? = nil) async -> Exit {
        let watchdog = Task { [process] in
            var last = progress?()
            var lastChange = ContinuousClock.now
            while ContinuousClock.now - lastChange < limit {
                guard (try? await Task.sleep(for: .milliseconds(250))) != nil else { return false }
                if let current = progress?(), current != last {
                    last = current
                    lastChange = .now
                }
            }
            process.terminate()
            if (try? await Task.sleep(for: .seconds(1))) != nil, process.isRunning {
                kill(process.processIdentifier, SIGKILL)
            }
            return true
        }
        var iterator = exits.makeAsyncIterator()
        let exit = await iterator.next()
        watchdog.cancel()
        let timedOut = await watchdog.value
        return Exit(status: exit?.status ?? -1, instant: exit?.instant ?? .now, timedOut: timedOut)
    }

    /// The size of a file in bytes, 0 when it cannot be read; a ``waitForExit(limit:progress:)`` progress measure.
    static func fileSize(_ url: URL) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    }
}

/// A tool exited with a failure status.
struct ToolFailure: Error, CustomStringConvertible {
    var tool: String
    var status: Int32

    var description: String { "\(tool) exited with status \(status)" }
}
