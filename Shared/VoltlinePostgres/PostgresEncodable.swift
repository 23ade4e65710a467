/// A Swift type that can be sent to PostgreSQL as a query parameter or a `COPY` field.
///
/// Values travel in PostgreSQL's text format together with their type OID, so the server parses them itself:
/// they are never spliced into SQL text.
public protocol PostgresEncodable: Sendable {
    /// The PostgreSQL type this value is sent as.
    static var postgresType: PostgresDataType { get }

    /// The value in PostgreSQL's text input format, or `nil` for SQL NULL.
    var postgresText: String? { get }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public static var postgresType: PostgresDataType { Wrapped.postgresType }

    public var postgresText: String? { self?.postgresText }
}
