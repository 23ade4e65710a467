import CLibPQ

/// Where and how to connect: a libpq connection URL plus the settings the library manages itself.
///
/// The URL is validated with libpq's own parser (`PQconninfoParse`), so a malformed URL fails early with libpq's
/// message. The password stays inside; ``description`` never prints it.
public struct PostgresConfiguration: Sendable, CustomStringConvertible {
    /// The connection parameters parsed from the URL, keyword to value, excluding the ones set below.
    let parameters: [(keyword: String, value: String)]

    /// How long connecting may take, including TLS and authentication. Default: 10 seconds, or the URL's
    /// `connect_timeout`.
    public var connectTimeout: Duration
    /// The `application_name` reported to the server (visible in `pg_stat_activity`). Default: the URL's value,
    /// else `voltline`.
    public var applicationName: String

    /// Parses and validates a `postgresql://user:password@host:port/database?param=value` URL
    /// (or a `key=value` connection string).
    /// - Throws: ``PostgresError`` with code ``PostgresError/Code/invalidURL`` and libpq's message.
    public init(url: String, file: String = #fileID, line: Int = #line) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        // Ownership: PQconninfoParse returns an array we free with PQconninfoFree; on failure it may return an
        // error message we free with PQfreemem.
        guard let options = PQconninfoParse(url, &errorMessage) else {
            var message = "out of memory"
            if let errorMessage {
                message = String(cString: errorMessage).trimmingTrailingNewlines()
                PQfreemem(errorMessage)
            }
            throw PostgresError(
                code: .invalidURL, message: message, function: "PQconninfoParse", file: file, line: line)
        }
        defer { PQconninfoFree(options) }

        var parameters: [(keyword: String, value: String)] = []
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val {
                parameters.append((String(cString: keyword), String(cString: value)))
            }
            option += 1
        }
        let timeout = parameters.first { $0.keyword == "connect_timeout" }.flatMap { Int($0.value) }
        self.connectTimeout = .seconds(timeout.map { max($0, 1) } ?? 10)
        self.applicationName = parameters.first { $0.keyword == "application_name" }?.value ?? "voltline"
        self.parameters = parameters.filter { $0.keyword != "connect_timeout" && $0.keyword != "application_name" }
    }

    /// A parsed parameter such as `host`, `port`, `dbname` or `user`, as libpq understood it.
    public func parameter(_ keyword: String) -> String? {
        guard keyword != "password" else { return nil }
        return parameters.first { $0.keyword == keyword }?.value
    }

    /// `user@host:port/database`, without the password.
    public var description: String {
        let user = parameter("user") ?? ""
        let host = parameter("host") ?? parameter("hostaddr") ?? "localhost"
        let port = parameter("port") ?? "5432"
        let database = parameter("dbname") ?? user
        return "\(user)@\(host):\(port)/\(database)"
    }
}
