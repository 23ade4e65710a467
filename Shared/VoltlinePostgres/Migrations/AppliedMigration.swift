public import Foundation

/// A row of `schema_migrations`: a migration the database has applied.
public struct AppliedMigration: Sendable, Hashable {
    /// The migration's version.
    public let version: Int
    /// The migration's name when it was applied.
    public let name: String
    /// The SHA-256 of the SQL that was applied.
    public let checksum: String
    /// When it was applied.
    public let appliedAt: Date
}
