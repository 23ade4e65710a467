/// Which migrations a database has applied and which are still to run.
public struct MigrationStatus: Sendable {
    /// The rows of `schema_migrations`, by version.
    public let applied: [AppliedMigration]
    /// The known migrations not applied yet, by version.
    public let pending: [Migration]
}
