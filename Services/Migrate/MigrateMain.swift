import ArgumentParser
import Foundation
import Logging
import VoltlinePostgres

/// `voltline-migrate`: applies the SQL migrations in a directory to the Voltline database.
@main
struct MigrateMain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voltline-migrate",
        abstract: "Apply versioned SQL migrations (NNNN_name.sql) to the Voltline PostgreSQL database.",
        subcommands: [Apply.self, Status.self],
        defaultSubcommand: Apply.self)
}

/// The options every subcommand shares.
struct MigrateOptions: ParsableArguments {
    @Option(
        help: """
            PostgreSQL URL (default: $VOLTLINE_DATABASE_URL, else \
            postgresql://voltline:voltline@127.0.0.1:54329/voltline).
            """)
    var databaseURL: String?

    @Option(help: "Migrations directory (default: $VOLTLINE_MIGRATIONS_DIR, else deploy/migrations).")
    var dir: String?

    @Option(help: "Schema to migrate (default: the connection's search_path).")
    var schema: String?

    /// Loads the migrations, connects, and runs `body`; the connection is closed afterwards.
    func withMigrator<Result>(
        _ body: (Migrator, PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let environment = ProcessInfo.processInfo.environment
        let url = databaseURL ?? environment["VOLTLINE_DATABASE_URL"]
            ?? "postgresql://voltline:voltline@127.0.0.1:54329/voltline"
        let directory = dir ?? environment["VOLTLINE_MIGRATIONS_DIR"] ?? "deploy/migrations"
        let logger = Logger(label: "voltline.migrate")
        let configuration = try PostgresConfiguration(url: url)
        let migrations = try Migration.load(from: URL(fileURLWithPath: directory))
        let migrator = try Migrator(migrations: migrations, schema: schema, logger: logger)
        let connection = try await PostgresConnection.connect(configuration: configuration, logger: logger)
        do {
            let result = try await body(migrator, connection)
            await connection.close()
            return result
        } catch {
            await connection.close()
            throw error
        }
    }
}

extension MigrateMain {
    /// Applies pending migrations (the default subcommand).
    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Apply pending migrations.")

        @OptionGroup var options: MigrateOptions

        func run() async throws {
            try await options.withMigrator { migrator, connection in
                let applied = try await migrator.apply(on: connection)
                for migration in applied { print("applied \(migration.version) \(migration.name)") }
                let status = try await migrator.status(on: connection)
                print("up to date at version \(status.applied.last.map { String($0.version) } ?? "none")",
                      "(\(applied.count) applied now, \(status.applied.count) in total)")
            }
        }
    }

    /// Prints applied and pending migrations without changing anything.
    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show applied and pending migrations.")

        @OptionGroup var options: MigrateOptions

        func run() async throws {
            try await options.withMigrator { migrator, connection in
                let status = try await migrator.status(on: connection)
                for applied in status.applied {
                    print("applied \(applied.version) \(applied.name) at \(applied.appliedAt)")
                }
                for pending in status.pending { print("pending \(pending.version) \(pending.name)") }
            }
        }
    }
}
