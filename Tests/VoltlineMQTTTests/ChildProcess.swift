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
final class ChildProcess {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let pid: pid_t
    private var exited = false

    /// Starts `executable` with `arguments`; its output goes to /dev/null.
    init(_ executable: String, _ arguments: [String]) throws {
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
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
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
    var isRunning: Bool { !exited && reap(blocking: false) == nil }

    /// Sends `signal` (SIGTERM by default) and waits up to `timeout` for the exit, then SIGKILL.
    func terminate(signal: Int32 = SIGTERM, timeout: Duration = .seconds(5)) async {
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
    func waitForExit() -> Int32 {
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
