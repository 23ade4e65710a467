/// A Swift type that can be read from a column of a ``PostgresRow``.
public protocol PostgresDecodable: Sendable {
    /// Decodes a non-NULL value from PostgreSQL's text output format.
    /// - Returns: `nil` when `type` or `text` cannot be represented; the row then throws
    ///   ``PostgresError/Code/typeMismatch``.
    init?(postgresText text: String, type: PostgresDataType)

    /// The value SQL NULL decodes to, or `nil` when the type cannot represent NULL (the default).
    static var postgresNull: Self? { get }
}

extension PostgresDecodable {
    public static var postgresNull: Self? { nil }
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    public init?(postgresText text: String, type: PostgresDataType) {
        guard let value = Wrapped(postgresText: text, type: type) else { return nil }
        self = .some(value)
    }

    public static var postgresNull: Self? { .some(.none) }
}
