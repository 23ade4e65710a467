import Foundation
import Logging
import VoltlinePostgres

/// Reaches the integration-test server and gives each test a schema of its own.
enum TestDatabase {
    /// `VOLTLINE_DATABASE_URL`, else the local development server.
    static let url = ProcessInfo.processInfo.environment["VOLTLINE_DATABASE_URL"]
        ?? "postgresql://voltline:voltline@127.0.0.1:54329/voltline"

    static let logger = Logger(label: "voltline.postgres.tests")

    static func configuration() throws -> PostgresConfiguration {
        try PostgresConfiguration(url: url)
    }

    static func connect() async throws -> PostgresConnection {
        try await PostgresConnection.connect(configuration: configuration(), logger: logger)
    }

    /// Runs `body` with a new connection and closes it afterwards.
    static func withConnection<Result>(
        isolation: isolated (any Actor)? = #isolation, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let connection = try await connect()
        do {
            let result = try await body(connection)
            await connection.close()
            return result
        } catch {
            await connection.close()
            throw error
        }
    }

    /// A fresh schema name such as `t_1a2b3c4d5e6f`.
    static func makeSchemaName() -> String {
        "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
    }

    /// Runs `body` with a connection whose `search_path` is a new schema, and drops the schema afterwards.
    static func withSchema<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection, PostgresIdentifier) async throws -> Result
    ) async throws -> Result {
        try await withConnection { connection in
            let schema = PostgresIdentifier(makeSchemaName())
            try await connection.execute("CREATE SCHEMA \(schema)")
            do {
                try await connection.execute("SELECT set_config('search_path', \(schema.parts[0]), false)")
                let result = try await body(connection, schema)
                try await connection.execute("DROP SCHEMA \(schema) CASCADE")
                return result
            } catch {
                _ = try? await connection.execute("DROP SCHEMA \(schema) CASCADE")
                throw error
            }
        }
    }
}
