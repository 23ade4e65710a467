/// An error from the PostgreSQL client: a failed connection, a server error, or a value that could not be decoded.
///
/// ``description`` is deliberately terse: it names the code, the SQLSTATE, the libpq function and the throw site,
/// plus the server's primary message. It never contains SQL text, bind values, ``detail`` (which often quotes row
/// values) or the password.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in broad strokes. New codes may be added in later versions.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case invalidURL
            case connectionFailed
            case authenticationFailed
            case connectionLost
            case connectionClosed
            case server
            case typeMismatch
            case unexpectedNull
            case columnNotFound
            case poolClosed
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// The connection URL could not be parsed; the message is libpq's own.
        public static let invalidURL = Code(.invalidURL)
        /// The server could not be reached or refused the connection for a reason other than authentication.
        public static let connectionFailed = Code(.connectionFailed)
        /// The server rejected the credentials (SQLSTATE class 28).
        public static let authenticationFailed = Code(.authenticationFailed)
        /// An established connection broke (server closed it, network failure, backend terminated).
        public static let connectionLost = Code(.connectionLost)
        /// The connection was already closed with ``PostgresConnection/close()``.
        public static let connectionClosed = Code(.connectionClosed)
        /// The server reported an error; see ``PostgresError/sqlState``.
        public static let server = Code(.server)
        /// A column's PostgreSQL type or text cannot be decoded as the requested Swift type.
        public static let typeMismatch = Code(.typeMismatch)
        /// A column is SQL NULL but the requested Swift type is not optional.
        public static let unexpectedNull = Code(.unexpectedNull)
        /// A column index or name does not exist in the result.
        public static let columnNotFound = Code(.columnNotFound)
        /// The pool was closed before a connection could be leased.
        public static let poolClosed = Code(.poolClosed)

        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// The five-character SQLSTATE reported by the server, if any (for example `42601`).
    public let sqlState: String?
    /// The primary, human-readable message (libpq's or the server's).
    public let message: String
    /// The server's detail message. It can contain row values, so it is left out of ``description``.
    public let detail: String?
    /// The server's hint, if any.
    public let hint: String?
    /// The libpq function (or library operation) that failed, such as `PQexecParams`.
    public let function: String
    /// The file that called the library when the error happened (`#fileID`).
    public let file: String
    /// The line that called the library when the error happened.
    public let line: Int

    /// Creates an error; the library builds these, tests may build them to compare codes.
    public init(
        code: Code, message: String, sqlState: String? = nil, detail: String? = nil, hint: String? = nil,
        function: String, file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
        self.function = function
        self.file = file
        self.line = line
    }

    /// Whether running the same work again (on a fresh connection, in a new transaction) may succeed.
    ///
    /// True for lost connections, serialization failures (`40001`), deadlocks (`40P01`), administrator
    /// shutdown (`57P01`) and connection exceptions (class `08`).
    public var isRetriable: Bool {
        if code == .connectionLost || code == .connectionFailed { return true }
        guard let sqlState else { return false }
        return sqlState == "40001" || sqlState == "40P01" || sqlState == "57P01" || sqlState.hasPrefix("08")
    }

    public var description: String {
        var text = "PostgresError(\(code)"
        if let sqlState { text += ", SQLSTATE \(sqlState)" }
        text += ", \(function) at \(file):\(line)): \(message)"
        return text
    }
}
