import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A private mosquitto broker for one test: its own loopback port, config, password file and
/// persistence directory. Stop and restart keep the port and the persisted sessions.
public final class TestBroker {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static let executable = ProcessInfo.processInfo.environment["MOSQUITTO_BIN"] ?? "/usr/sbin/mosquitto"

    public let port: Int
    public let directory: URL
    private var process: ChildProcess?

    /// Writes the configuration; `users` switches from anonymous access to a password file.
    public init(users: [String: String] = [:]) throws {
        port = try Self.freePort()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mosquitto-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var config = """
            listener \(port) 127.0.0.1
            persistence true
            persistence_location \(directory.path)/
            autosave_interval 1
            max_queued_messages 100000
            log_dest file \(directory.path)/mosquitto.log
            log_type error
            log_type warning
            log_type notice

            """
        // Started as root, mosquitto would switch to the `mosquitto` user, who cannot write here.
        if geteuid() == 0 { config += "user root\n" }
        if users.isEmpty {
            config += "allow_anonymous true\n"
        } else {
            let passwordFile = directory.appendingPathComponent("passwd").path
            for (index, (user, password)) in users.sorted(by: { $0.key < $1.key }).enumerated() {
                let arguments = (index == 0 ? ["-c"] : []) + ["-b", passwordFile, user, password]
                try Self.run("/usr/bin/mosquitto_passwd", arguments)
            }
            config += "allow_anonymous false\npassword_file \(passwordFile)\n"
        }
        try config.write(to: directory.appendingPathComponent("mosquitto.conf"), atomically: true, encoding: .utf8)
    }

    deinit {
        // `process` kills a broker a failed test left running.
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs `body` with a started broker and always stops it afterwards.
    public static func with<T>(users: [String: String] = [:], _ body: (TestBroker) async throws -> T) async throws -> T {
        let broker = try TestBroker(users: users)
        try await broker.start()
        do {
            let result = try await body(broker)
            await broker.stop()
            return result
        } catch {
            await broker.stop()
            throw error
        }
    }

    /// Starts mosquitto and waits until its port accepts connections.
    public func start() async throws {
        let process = try ChildProcess(Self.executable, ["-c", directory.appendingPathComponent("mosquitto.conf").path])
        self.process = process
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw Failure(description: "mosquitto exited: \(log)") }
            if Self.accepts(port: port) { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw Failure(description: "mosquitto did not open port \(port): \(log)")
    }

    /// Stops mosquitto with SIGTERM (it saves its persistence file) and waits for it to exit.
    public func stop() async {
        await process?.terminate()
    }

    /// The broker's log, for failure messages.
    var log: String {
        (try? String(contentsOf: directory.appendingPathComponent("mosquitto.log"), encoding: .utf8)) ?? ""
    }

    /// A loopback port nobody listens on right now.
    public static func freePort() throws -> Int {
        let (descriptor, port) = try boundSocket(listening: false)
        close(descriptor)
        return port
    }

    /// A loopback TCP listener that completes handshakes but never speaks MQTT; closed on return.
    public static func withSilentListener<T>(_ body: (Int) async throws -> T) async throws -> T {
        let (descriptor, port) = try boundSocket(listening: true)
        defer { close(descriptor) }
        return try await body(port)
    }

    /// A TCP socket bound to a free loopback port chosen by the kernel.
    private static func boundSocket(listening: Bool) throws -> (descriptor: Int32, port: Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket() failed") }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
                    && (!listening || listen(descriptor, 8) == 0)
            }
        }
        guard ok else {
            close(descriptor)
            throw Failure(description: "could not bind a loopback port")
        }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    private static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private static func run(_ executable: String, _ arguments: [String]) throws {
        let status = try ChildProcess(executable, arguments).waitForExit()
        guard status == 0 else { throw Failure(description: "\(executable) exited with \(status)") }
    }
}
