import CLibPQ
import Foundation
import Logging

/// Owns one `PGconn` and runs libpq's blocking calls on it.
///
/// Ownership: `PQconnectStartParams` returns a connection object even when connecting fails; it must always be
/// freed with `PQfinish`, exactly once. ``close()`` and `deinit` do that. Every `PGresult` libpq hands back is
/// wrapped at once in a ``ResultHandle``, which frees it.
///
/// `@unchecked Sendable`: the methods below block and mutate `connection`; ``PostgresConnection`` calls them only
/// from its own serial ``BlockingExecutor`` queue, one at a time. `deinit` runs when no queued work holds a
/// reference any more. The pointer never leaves this type.
final class ConnectionHandle: @unchecked Sendable {
    private var connection: OpaquePointer?
    /// Receives the server's notices (`NOTICE:  relation … already exists, skipping`) instead of stderr.
    private let logger: Logger

    private init(taking connection: OpaquePointer, logger: Logger) {
        self.connection = connection
        self.logger = logger
        // libpq calls the processor only from inside calls on this connection, while `self` is alive, so the
        // unretained reference is safe.
        PQsetNoticeProcessor(
            connection,
            { context, message in
                guard let context, let message else { return }
                let handle = Unmanaged<ConnectionHandle>.fromOpaque(context).takeUnretainedValue()
                handle.logger.debug("\(String(cString: message).trimmingTrailingNewlines())")
            }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit { close() }

    /// Frees the connection; later calls fail with ``PostgresError/Code/connectionClosed``.
    func close() {
        if let connection { PQfinish(connection) }
        connection = nil
    }

    /// Connects, blocking the calling thread for at most `configuration.connectTimeout`.
    ///
    /// Uses `PQconnectStartParams` + `PQconnectPoll` so the whole attempt honours one deadline, and raises the
    /// error verbosity while connecting so that the server's SQLSTATE (for example `28P01`, wrong password)
    /// appears in libpq's message: libpq has no other way to report it for a failed connection.
    static func connect(
        _ configuration: PostgresConfiguration, logger: Logger, file: String, line: Int
    ) throws -> ConnectionHandle {
        let parameters = configuration.parameters + [("application_name", configuration.applicationName)]
        let keywords = parameters.map { UnsafePointer(strdup($0.keyword)) } + [nil]
        let values = parameters.map { UnsafePointer(strdup($0.value)) } + [nil]
        defer {
            for pointer in keywords + values { free(UnsafeMutablePointer(mutating: pointer)) }
        }
        guard let pointer = PQconnectStartParams(keywords, values, 0) else {
            throw PostgresError(
                code: .connectionFailed, message: "out of memory", function: "PQconnectStartParams",
                file: file, line: line)
        }
        let handle = ConnectionHandle(taking: pointer, logger: logger)
        guard PQstatus(pointer) != CONNECTION_BAD else {
            throw handle.connectError(function: "PQconnectStartParams", file: file, line: line)
        }
        PQsetErrorVerbosity(pointer, PQERRORS_VERBOSE)
        let deadline = ContinuousClock.now + configuration.connectTimeout
        var status = PGRES_POLLING_WRITING
        while status != PGRES_POLLING_OK {
            guard status != PGRES_POLLING_FAILED else {
                throw handle.connectError(function: "PQconnectPoll", file: file, line: line)
            }
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else {
                throw PostgresError(
                    code: .connectionFailed, message: "timeout expired after \(configuration.connectTimeout)",
                    function: "PQconnectPoll", file: file, line: line)
            }
            let events = status == PGRES_POLLING_READING ? POLLIN : POLLOUT
            var descriptor = pollfd(fd: PQsocket(pointer), events: Int16(events), revents: 0)
            let milliseconds = Int32(min(remaining / .milliseconds(1), 86_400_000)) + 1
            // Nothing ready yet (or EINTR): go round and check the deadline; call PQconnectPoll only when ready.
            guard poll(&descriptor, 1, milliseconds) > 0 else { continue }
            status = PQconnectPoll(pointer)
        }
        PQsetErrorVerbosity(pointer, PQERRORS_DEFAULT)
        return handle
    }

    /// Whether the connection is open, idle (no transaction left open) and not closed by the server.
    ///
    /// Reads whatever already arrived, without blocking, so that a server-side termination
    /// (`pg_terminate_backend`, restart) is noticed here instead of failing the next query. A terminated backend
    /// sends a FATAL message and then closes the socket: the first `PQconsumeInput` reads the message,
    /// `PQisBusy` parses it (it reaches the notice processor), and only the second read sees the end of the
    /// stream and marks the connection bad.
    var isReadyForUse: Bool {
        guard let connection, PQconsumeInput(connection) == 1 else { return false }
        _ = PQisBusy(connection)
        return PQconsumeInput(connection) == 1 && PQstatus(connection) == CONNECTION_OK
            && PQtransactionStatus(connection) == PQTRANS_IDLE
    }

    /// Runs one statement with text-format parameters (`PQexecParams`).
    func execute(_ query: PostgresQuery, file: String, line: Int) throws -> ResultHandle {
        let connection = try open(function: "PQexecParams", file: file, line: line)
        let values = query.binds.map { $0.text.map { UnsafePointer(strdup($0)) } ?? nil }
        defer {
            for value in values { free(UnsafeMutablePointer(mutating: value)) }
        }
        let types = query.binds.map(\.type.oid)
        let result = PQexecParams(connection, query.sql, Int32(values.count), types, values, nil, nil, 0)
        return try checked(result, function: "PQexecParams", file: file, line: line)
    }

    /// Runs a script of one or more statements without parameters (`PQexec`); returns the last result.
    func executeScript(_ sql: String, file: String, line: Int) throws -> ResultHandle {
        let connection = try open(function: "PQexec", file: file, line: line)
        return try checked(PQexec(connection, sql), function: "PQexec", file: file, line: line)
    }

    /// Sends one chunk of `COPY ... FROM STDIN` data; the connection must be in the copy-in state.
    func putCopyData(_ chunk: [UInt8], file: String, line: Int) throws {
        let connection = try open(function: "PQputCopyData", file: file, line: line)
        let sent = chunk.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(connection, $0.baseAddress, Int32($0.count)) }
        }
        guard sent == 1 else { throw connectionError(function: "PQputCopyData", file: file, line: line) }
    }

    /// Ends `COPY ... FROM STDIN` (aborting it when `abortMessage` is given) and returns the rows copied.
    func endCopy(abortMessage: String?, file: String, line: Int) throws -> Int {
        let connection = try open(function: "PQputCopyEnd", file: file, line: line)
        guard PQputCopyEnd(connection, abortMessage) == 1 else {
            throw connectionError(function: "PQputCopyEnd", file: file, line: line)
        }
        // The outcome is the first result; PQgetResult must then be called until it returns nil.
        let outcome = Result { try checked(PQgetResult(connection), function: "PQgetResult", file: file, line: line) }
        while let extra = PQgetResult(connection) { PQclear(extra) }
        return try outcome.get().affectedRows
    }

    private func open(function: String, file: String, line: Int) throws -> OpaquePointer {
        guard let connection else {
            throw PostgresError(
                code: .connectionClosed, message: "the connection is closed", function: function, file: file,
                line: line)
        }
        return connection
    }

    /// Wraps `result` and throws when it reports an error (or is missing, which libpq uses for lost connections).
    private func checked(_ result: OpaquePointer?, function: String, file: String, line: Int) throws -> ResultHandle {
        guard let result else { throw connectionError(function: function, file: file, line: line) }
        let handle = ResultHandle(taking: result)
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN:
            return handle
        default:
            func field(_ code: Character) -> String? {
                PQresultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) }
            }
            let sqlState = field("C")
            let message = field("M") ?? String(cString: PQresultErrorMessage(result)).trimmingTrailingNewlines()
            throw PostgresError(
                code: isBroken ? .connectionLost : .server, message: message, sqlState: sqlState,
                detail: field("D"), hint: field("H"), function: function, file: file, line: line)
        }
    }

    private var isBroken: Bool { connection.map { PQstatus($0) == CONNECTION_BAD } ?? true }

    /// An error built from the connection's own message (`PQerrorMessage`) after a call failed without a result.
    private func connectionError(function: String, file: String, line: Int) -> PostgresError {
        let message = connection.map { String(cString: PQerrorMessage($0)).trimmingTrailingNewlines() } ?? ""
        return PostgresError(
            code: isBroken ? .connectionLost : .server, message: message.isEmpty ? "unknown libpq failure" : message,
            function: function, file: file, line: line)
    }

    /// Classifies a failed connection attempt: SQLSTATE class 28 means the credentials were rejected.
    private func connectError(function: String, file: String, line: Int) -> PostgresError {
        let verbose = connection.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
        // Verbose server errors read "FATAL:  28P01: message" and end with a "LOCATION:  ..." line.
        let lines = verbose.split(separator: "\n").filter { !$0.hasPrefix("LOCATION:") }
        var message = lines.joined(separator: "\n")
        var sqlState: String?
        if let range = message.firstMatch(of: /:  ([0-9A-Z]{5}):[ ]/)?.range {
            sqlState = String(message[range].dropFirst(3).prefix(5))
            message.replaceSubrange(range, with: ":  ")
        }
        return PostgresError(
            code: sqlState?.hasPrefix("28") == true ? .authenticationFailed : .connectionFailed,
            message: message, sqlState: sqlState, function: function, file: file, line: line)
    }
}
