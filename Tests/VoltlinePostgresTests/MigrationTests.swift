import Foundation
import Testing
import VoltlinePostgres

@Suite("Migrations")
struct MigrationTests {
    static let files = [
        "0001_create_cells.sql": "CREATE TABLE cells (id bigint PRIMARY KEY, pack text NOT NULL);",
        "0002_add_voltage.sql": "ALTER TABLE cells ADD COLUMN voltage double precision;\nCREATE INDEX ON cells (pack);",
        "0010_create_readings.sql": """
            CREATE TABLE readings (cell bigint REFERENCES cells, at timestamptz, watts double precision);
            -- a comment; with a semicolon
            """,
        "README.md": "not a migration",
    ]

    /// Writes `files` to a new temporary directory.
    static func directory(_ files: [String: String] = files) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("migrations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, sql) in files {
            try sql.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url
    }

    /// The schema's tables, columns and indexes, as text to compare.
    static func snapshot(_ schema: String, on connection: PostgresConnection) async throws -> [String] {
        let columns = try await connection.query(
            """
            SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns
            WHERE table_schema = \(schema) ORDER BY 1
            """)
        let indexes = try await connection.query(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = \(schema) ORDER BY 1")
        return try (Array(columns) + Array(indexes)).map { try $0.decode(String.self, at: 0) }
    }

    static func withMigrationSchema(_ body: (PostgresConnection, String) async throws -> Void) async throws {
        let schema = TestDatabase.makeSchemaName()
        try await TestDatabase.withConnection { connection in
            do {
                try await body(connection, schema)
                try await connection.execute("DROP SCHEMA IF EXISTS \(PostgresIdentifier(schema)) CASCADE")
            } catch {
                _ = try? await connection.execute("DROP SCHEMA IF EXISTS \(PostgresIdentifier(schema)) CASCADE")
                throw error
            }
        }
    }

    @Test("files load sorted; malformed names and duplicate versions are errors")
    func loading() throws {
        let migrations = try Migration.load(from: Self.directory())
        #expect(migrations.map(\.version) == [1, 2, 10])
        #expect(migrations.map(\.name) == ["create_cells", "add_voltage", "create_readings"])
        #expect(migrations[0].checksum.count == 64)

        let malformed = #expect(throws: MigrationError.self) {
            try Migration.load(from: Self.directory(["01-bad.sql": "SELECT 1"]))
        }
        #expect(malformed?.code == .malformedFileName)
        let duplicate = #expect(throws: MigrationError.self) {
            try Migration.load(from: Self.directory(["0001_a.sql": "SELECT 1", "1_b.sql": "SELECT 2"]))
        }
        #expect(duplicate?.code == .duplicateVersion)
    }

    @Test("applying twice ends in the same schema", .timeLimit(.minutes(3)))
    func applyTwice() async throws {
        try await Self.withMigrationSchema { connection, schema in
            let migrator = try Migrator(
                migrations: Migration.load(from: Self.directory()), schema: schema, logger: TestDatabase.logger)
            #expect(try await migrator.status(on: connection).pending.count == 3)
            #expect(try await migrator.apply(on: connection).map(\.version) == [1, 2, 10])
            let first = try await Self.snapshot(schema, on: connection)
            #expect(first.contains("cells.voltage:double precision"))
            #expect(try await migrator.apply(on: connection).isEmpty)
            #expect(try await Self.snapshot(schema, on: connection) == first)
            let status = try await migrator.status(on: connection)
            #expect(status.applied.map(\.version) == [1, 2, 10])
            #expect(status.pending.isEmpty)
        }
    }

    @Test("two concurrent runs serialize: each version is recorded once", .timeLimit(.minutes(3)))
    func applyConcurrently() async throws {
        try await Self.withMigrationSchema { connection, schema in
            let migrator = try Migrator(
                migrations: Migration.load(from: Self.directory()), schema: schema, logger: TestDatabase.logger)
            async let first = TestDatabase.withConnection { try await migrator.apply(on: $0).count }
            async let second = TestDatabase.withConnection { try await migrator.apply(on: $0).count }
            #expect(try await first + second == 3)
            let recorded = try await connection.query(
                """
                SELECT version, count(*) FROM \(PostgresIdentifier(schema, "schema_migrations"))
                GROUP BY version ORDER BY version
                """)
            #expect(try recorded.map { try $0.decode(Int.self, at: 0) } == [1, 2, 10])
            #expect(try recorded.allSatisfy { try $0.decode(Int.self, at: 1) == 1 })
            // 10 columns (cells 3, readings 3, schema_migrations 4) and 3 indexes.
            let snapshot = try await Self.snapshot(schema, on: connection)
            #expect(snapshot.count == 13)
            #expect(snapshot.contains("readings.watts:double precision"))
        }
    }

    @Test("a changed checksum of an applied migration is refused", .timeLimit(.minutes(3)))
    func checksumChanged() async throws {
        try await Self.withMigrationSchema { connection, schema in
            var files = Self.files
            try await Migrator(
                migrations: Migration.load(from: Self.directory(files)), schema: schema, logger: TestDatabase.logger
            ).apply(on: connection)
            files["0002_add_voltage.sql"] = "ALTER TABLE cells ADD COLUMN voltage real;"
            files["0011_more.sql"] = "CREATE TABLE more (id int);"
            let edited = try Migrator(
                migrations: Migration.load(from: Self.directory(files)), schema: schema, logger: TestDatabase.logger)
            let error = await #expect(throws: MigrationError.self) { try await edited.apply(on: connection) }
            #expect(error?.code == .checksumMismatch)
            #expect(error?.message.contains("2") == true)
            #expect(try await edited.status(on: connection).applied.count == 3)
            // The lock was released: this session holds no advisory lock any more. (Asking whether another
            // session can take it would race with the other suites' migrators, which use the same key.)
            let held = try await connection.query(
                "SELECT count(*)::bigint FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")
            #expect(try held[0].decode(Int64.self, at: 0) == 0)
        }
    }
}
