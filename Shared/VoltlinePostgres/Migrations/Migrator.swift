public import Logging

/// Applies versioned ``Migration``s to a database and records them in `schema_migrations`.
///
/// ``apply(on:)`` is safe to run twice and from several processes at once: it holds a session-level advisory
/// lock while it works, applies each pending migration in its own transaction together with its
/// `schema_migrations` row, and refuses to continue when an applied migration's file has changed.
public struct Migrator: Sendable {
    /// The advisory lock key ("voltmigr" in ASCII) that serializes concurrent runs in one database.
    static let lockKey: Int = 0x766F_6C74_6D69_6772

    /// The known migrations, by version.
    public let migrations: [Migration]
    /// The schema to migrate (created when missing and used as `search_path` while migrating), or `nil` for the
    /// connection's `search_path`.
    public let schema: String?
    private let logger: Logger

    /// Creates a migrator.
    /// - Throws: ``MigrationError/Code/duplicateVersion`` when two migrations share a version.
    public init(migrations: [Migration], schema: String? = nil, logger: Logger) throws {
        self.migrations = try Migration.sortedAndValidated(migrations)
        self.schema = schema
        self.logger = logger
    }

    private var table: PostgresIdentifier {
        schema.map { PostgresIdentifier($0, "schema_migrations") } ?? PostgresIdentifier("schema_migrations")
    }

    /// Reads what has been applied, without changing anything.
    /// - Throws: ``PostgresError``.
    public func status(on connection: PostgresConnection) async throws -> MigrationStatus {
        let exists = try await connection.query("SELECT to_regclass(\(table.quoted)) IS NOT NULL")
        guard try exists[0].decode(Bool.self, at: 0) else { return MigrationStatus(applied: [], pending: migrations) }
        let applied = try await connection.query(
            "SELECT version, name, checksum, applied_at FROM \(table) ORDER BY version"
        ).map { row in
            AppliedMigration(
                version: try row.decode(at: 0), name: try row.decode(at: 1), checksum: try row.decode(at: 2),
                appliedAt: try row.decode(at: 3))
        }
        let appliedVersions = Set(applied.map(\.version))
        return MigrationStatus(applied: applied, pending: migrations.filter { !appliedVersions.contains($0.version) })
    }

    /// Applies the pending migrations in version order.
    ///
    /// Runs on `connection`, which must not be in a transaction; the advisory lock is released before returning.
    /// - Returns: the migrations applied by this call (empty when the database was up to date).
    /// - Throws: ``MigrationError/Code/checksumMismatch`` before applying anything when an applied migration
    ///   changed; ``PostgresError`` when a migration fails (that migration is rolled back, earlier ones stay).
    @discardableResult
    public func apply(on connection: PostgresConnection) async throws -> [Migration] {
        try await connection.execute("SELECT pg_advisory_lock(\(Self.lockKey))")
        do {
            let applied = try await applyWhileLocked(on: connection)
            try await connection.execute("SELECT pg_advisory_unlock(\(Self.lockKey))")
            return applied
        } catch {
            // If the connection broke, the server has released the lock with the session.
            _ = try? await connection.execute("SELECT pg_advisory_unlock(\(Self.lockKey))")
            throw error
        }
    }

    private func applyWhileLocked(on connection: PostgresConnection) async throws -> [Migration] {
        if let schema { try await connection.execute("CREATE SCHEMA IF NOT EXISTS \(PostgresIdentifier(schema))") }
        try await connection.execute(
            """
            CREATE TABLE IF NOT EXISTS \(table) (
                version integer PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        let status = try await status(on: connection)
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0) })
        for applied in status.applied {
            guard let migration = known[applied.version] else {
                logger.info(
                    "applied migration has no file", metadata: [LogKey.migrationVersion: "\(applied.version)"])
                continue
            }
            guard migration.checksum == applied.checksum else {
                throw MigrationError(
                    code: .checksumMismatch,
                    message: "migration \(applied.version) (\(migration.name)) changed after it was applied; "
                        + "add a new migration instead of editing it")
            }
        }
        for migration in status.pending {
            try await connection.withTransaction { connection in
                if let schema {
                    let searchPath = PostgresIdentifier(schema).quoted
                    try await connection.execute("SELECT set_config('search_path', \(searchPath), true)")
                }
                try await connection.executeScript(migration.sql)
                try await connection.execute(
                    """
                    INSERT INTO \(table) (version, name, checksum)
                    VALUES (\(migration.version), \(migration.name), \(migration.checksum))
                    """)
            }
            logger.info(
                "applied migration",
                metadata: [LogKey.migrationVersion: "\(migration.version)", LogKey.migrationName: "\(migration.name)"])
        }
        return status.pending
    }
}
