import CRdKafka
import Foundation
public import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A TCP forwarder from a fixed loopback port to a Kafka broker, so clients can bootstrap from a
/// well-known address (`127.0.0.1:19092`) while the mock brokers listen on ephemeral ports.
///
/// Kafka clients use the bootstrap address only to fetch metadata; the metadata then gives them the
/// brokers' real addresses, which they connect to directly. So this forwards little traffic and uses
/// plain blocking sockets with two threads per connection. Call ``stop()`` when done: the accept
/// thread keeps the forwarder alive until then.
public final class KafkaBootstrapForwarder: Sendable {
    /// The loopback port clients connect to (the bound one, when 0 was asked for).
    public let port: Int

    private let listener: Int32
    private let connections = Mutex<Set<Int32>>([])
    private let logger: Logger

    /// Starts listening on `127.0.0.1:port` and forwarding each connection to `target`.
    /// - Parameters:
    ///   - port: the loopback port to listen on; 0 picks a free one (see ``port``).
    ///   - target: the broker's `host:port` (IPv4 literal, as the mock cluster reports).
    ///   - logger: receives connection events at debug.
    /// - Throws: ``KafkaError`` ``KafkaError/Code/transport`` if the port cannot be bound.
    public init(port: Int, target: String, logger: Logger) throws {
        let parts = target.split(separator: ":")
        guard parts.count == 2, let targetPort = UInt16(parts[1]) else {
            throw Self.socketError("target \(target) is not host:port")
        }
        let targetAddress = try Self.loopbackAddress(host: String(parts[0]), port: targetPort)
        let listener = socket(AF_INET, Self.streamType, 0)
        guard listener >= 0 else { throw Self.socketError("socket") }
        var reuse: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = try Self.loopbackAddress(host: "127.0.0.1", port: UInt16(port))
        guard Self.withSockaddr(&address, { bind(listener, $0, $1) }) == 0, listen(listener, 64) == 0 else {
            let error = Self.socketError("bind 127.0.0.1:\(port)")
            close(listener)
            throw error
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: address.sin_port))
        self.listener = listener
        self.logger = logger
        let thread = Thread { [self] in acceptLoop(target: targetAddress) }
        thread.name = "voltline.kafka.forwarder"
        thread.start()
    }

    /// Stops accepting and closes every forwarded connection.
    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))  // wakes the blocked accept()
        for fd in connections.withLock({ $0 }) { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop(target: sockaddr_in) {
        defer { close(listener) }
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else {
                if errno == EINTR { continue }
                return
            }
            var target = target
            let upstream = socket(AF_INET, Self.streamType, 0)
            guard upstream >= 0, Self.withSockaddr(&target, { connect(upstream, $0, $1) }) == 0 else {
                logger.debug("Kafka forwarder could not reach broker", metadata: [KafkaLogKey.peer: "\(errno)"])
                if upstream >= 0 { close(upstream) }
                close(client)
                continue
            }
            connections.withLock { $0.formUnion([client, upstream]) }
            let pair = ConnectionPair(first: client, second: upstream) { [self] in
                connections.withLock { $0.subtract([client, upstream]) }
            }
            for (from, to) in [(client, upstream), (upstream, client)] {
                let pump = Thread { pair.pump(from: from, to: to) }
                pump.name = "voltline.kafka.forwarder.pump"
                pump.start()
            }
        }
    }

    private static var streamType: Int32 {
        #if canImport(Glibc)
            Int32(SOCK_STREAM.rawValue)
        #else
            SOCK_STREAM
        #endif
    }

    private static func loopbackAddress(host: String, port: UInt16) throws -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw socketError("\(host) is not an IPv4 address")
        }
        return address
    }

    private static func withSockaddr(
        _ address: inout sockaddr_in, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Int32
    ) -> Int32 {
        withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
    }

    private static func socketError(_ what: String, file: String = #fileID, line: Int = #line) -> KafkaError {
        let reason = String(cString: strerror(errno))
        return KafkaError(
            RD_KAFKA_RESP_ERR__TRANSPORT, function: "KafkaBootstrapForwarder",
            message: "\(what): \(reason)", code: .transport, file: file, line: line)
    }
}

/// The two sockets of one forwarded connection; the last of its two pumps to finish closes both.
private final class ConnectionPair: Sendable {
    private let first: Int32
    private let second: Int32
    private let pumpsRunning = Atomic<Int>(2)
    private let onClose: @Sendable () -> Void

    init(first: Int32, second: Int32, onClose: @escaping @Sendable () -> Void) {
        self.first = first
        self.second = second
        self.onClose = onClose
    }

    /// Copies bytes from `from` to `to` until either side closes, then shuts both down.
    func pump(from: Int32, to: Int32) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        copying: while true {
            let count = buffer.withUnsafeMutableBytes { recv(from, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            var sent = 0
            while sent < count {
                let written = buffer.withUnsafeBytes { send(to, $0.baseAddress! + sent, count - sent, noSignal) }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { break copying }
                sent += written
            }
        }
        shutdown(first, Int32(SHUT_RDWR))
        shutdown(second, Int32(SHUT_RDWR))
        if pumpsRunning.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 {
            onClose()
            close(first)
            close(second)
        }
    }

    private var noSignal: Int32 {
        #if canImport(Glibc)
            Int32(MSG_NOSIGNAL)
        #else
            0
        #endif
    }
}
