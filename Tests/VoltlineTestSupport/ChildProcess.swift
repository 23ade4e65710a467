import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process spawned with a clean signal mask and reaped with `waitpid`.
///
/// Foundation's `Process` would do, except that the test runner's threads block SIGTERM and a
/// spawned child inherits that mask: mosquitto would then ignore SIGTERM and never save its
/// persistence file. Foundation also only notices a child's exit on its run loop.
public final class ChildProcess {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let pid: pid_t
    private var exited = false

    /// Starts `executable` with `arguments`.
    /// - Parameters:
    ///   - environment: variables set on top of this process's environment.
    ///   - outputPath: where standard output and error go (appended).
    public init(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        outputPath: String = "/dev/null"
    ) throws {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        sigaddset(&defaultSignals, SIGTERM)
        sigaddset(&defaultSignals, SIGINT)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw Failure(description: "posix_spawn \(executable): \(String(cString: strerror(rc)))") }
        self.pid = pid
    }

    deinit {
        // Safety net: never leave a child behind.
        if !exited {
            kill(pid, SIGKILL)
            _ = reap(blocking: true)
        }
    }

    /// Whether the child is still running; reaps it once it exited.
    public var isRunning: Bool { !exited && reap(blocking: false) == nil }

    /// Sends `signal` (SIGTERM by default) and waits up to `timeout` for the exit, then SIGKILL.
    public func terminate(signal: Int32 = SIGTERM, timeout: Duration = .seconds(5)) async {
        guard !exited else { return }
        kill(pid, signal)
        let deadline = ContinuousClock.now + timeout
        while isRunning && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if isRunning {
            kill(pid, SIGKILL)
            _ = reap(blocking: true)
        }
    }

    /// Waits for a short-lived child and returns its exit status.
    public func waitForExit() -> Int32 {
        reap(blocking: true) ?? -1
    }

    /// `waitpid`; returns the exit status once the child has exited.
    private func reap(blocking: Bool) -> Int32? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
        guard result == pid else { return nil }
        exited = true
        return (status >> 8) & 0xFF
    }
}
