/// A possibly schema-qualified SQL name (schema, table, column), always emitted double-quoted.
///
/// Quoting follows `PQescapeIdentifier`: the name is wrapped in double quotes and every embedded double quote is
/// doubled, so any string (including `x"; DROP TABLE y; --`) stays a name. Quoted names are case-sensitive:
/// `PostgresIdentifier("Cells")` is not the same table as the unquoted `cells`.
public struct PostgresIdentifier: Sendable, Hashable, CustomStringConvertible {
    /// The unquoted parts, outermost first (for example `["voltline", "cells"]`).
    public let parts: [String]

    /// A name made of one or more parts, outermost first: `PostgresIdentifier("analytics", "cells")`.
    /// - Precondition: at least one part, and no part contains a NUL character.
    public init(_ parts: String...) {
        precondition(!parts.isEmpty, "an identifier needs at least one part")
        precondition(parts.allSatisfy { !$0.contains("\0") }, "identifiers cannot contain NUL")
        self.parts = parts
    }

    /// The SQL spelling: each part double-quoted, joined with dots.
    public var quoted: String {
        parts.map { part in
            "\"" + part.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        }.joined(separator: ".")
    }

    public var description: String { quoted }
}
