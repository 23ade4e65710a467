/// SQL text with its parameters, built by string interpolation so that values can never become SQL.
///
/// Each interpolated value becomes a placeholder (`$1`, `$2`, …) and a separate bind that travels to the server
/// apart from the SQL text (`PQexecParams`):
///
/// ```swift
/// let rows = try await connection.query("SELECT id FROM cells WHERE pack = \(packID) AND voltage < \(limit)")
/// ```
///
/// The only thing interpolated into the text itself is a ``PostgresIdentifier``, which is always quoted.
public struct PostgresQuery: Sendable, ExpressibleByStringInterpolation {
    /// The SQL text with `$n` placeholders.
    public let sql: String
    /// One bind per placeholder, in order.
    let binds: [PostgresBind]

    /// Creates a query from a literal with no interpolations.
    public init(stringLiteral value: String) {
        sql = value
        binds = []
    }

    /// Creates a query from an interpolated literal.
    public init(stringInterpolation: StringInterpolation) {
        sql = stringInterpolation.sql
        binds = stringInterpolation.binds
    }

    /// Builds the SQL text and binds of an interpolated ``PostgresQuery``.
    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var binds: [PostgresBind] = []

        /// Reserves room for the literal parts.
        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
            binds.reserveCapacity(interpolationCount)
        }

        /// Appends SQL text written in the source code.
        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Appends a `$n` placeholder and binds `value` to it.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value) {
            binds.append(PostgresBind(value))
            sql += "$\(binds.count)"
        }

        /// Appends a `$n` placeholder and binds `value` to it; `nil` binds SQL NULL of `Value`'s type.
        ///
        /// Spelled out (rather than left to `Optional`'s conformance) so that interpolating an optional is
        /// deliberate and does not draw the compiler's "debug description for an optional" warning.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            binds.append(PostgresBind(value))
            sql += "$\(binds.count)"
        }

        /// Appends a table, column or schema name, double-quoted.
        public mutating func appendInterpolation(_ identifier: PostgresIdentifier) {
            sql += identifier.quoted
        }
    }
}

/// One query parameter in text format, with its type.
struct PostgresBind: Sendable {
    let text: String?
    let type: PostgresDataType

    init<Value: PostgresEncodable>(_ value: Value) {
        text = value.postgresText
        type = Value.postgresType
    }
}
