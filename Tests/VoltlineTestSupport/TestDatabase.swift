import Foundation
import Logging
import VoltlinePostgres

/// A fresh PostgreSQL database for one test, with the project's migrations applied; dropped afterwards.
///
/// The server comes from `VOLTLINE_DATABASE_URL` (default: the local environment's PostgreSQL); its role
/// needs CREATEDB, which `deploy/local/voltline up` grants.
public struct TestDatabase: Sendable {
    /// The server's URL as configured for the tests.
    public static let serverURL =
        ProcessInfo.processInfo.environment["VOLTLINE_DATABASE_URL"]
        ?? "postgresql://voltline:voltline@127.0.0.1:54329/voltline"

    /// The new database's name.
    public let name: String
    /// A URL for the new database.
    public let url: String

    /// Creates a database, applies `deploy/migrations`, runs `body` with it, and drops it.
    public static func with<T>(_ body: (TestDatabase) async throws -> T) async throws -> T {
        let logger = Logger(label: "test-database")
        let name = "t_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16))"
        let admin = try await PostgresConnection.connect(
            configuration: try PostgresConfiguration(url: serverURL), logger: logger)
        try await admin.execute("CREATE DATABASE \(PostgresIdentifier(name))")
        let database = TestDatabase(name: name, url: replacingDatabase(in: serverURL, with: name))
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try PostgresConfiguration(url: database.url), logger: logger)
            let migrator = try Migrator(migrations: try Migration.load(from: RepositoryPaths.migrations), logger: logger)
            _ = try await migrator.apply(on: connection)
            await connection.close()
            let result = try await body(database)
            try await drop(name, using: admin)
            return result
        } catch {
            try? await drop(name, using: admin)
            throw error
        }
    }

    /// Connects to the test database.
    public func connect() async throws -> PostgresConnection {
        try await PostgresConnection.connect(
            configuration: try PostgresConfiguration(url: url), logger: Logger(label: "test-database"))
    }

    private static func drop(_ name: String, using admin: PostgresConnection) async throws {
        try await admin.execute("DROP DATABASE IF EXISTS \(PostgresIdentifier(name)) WITH (FORCE)")
        await admin.close()
    }

    private static func replacingDatabase(in url: String, with name: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/" + name
        return components.string ?? url
    }
}

/// Paths inside the repository, found from this file's location.
public enum RepositoryPaths {
    /// The repository root.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// `deploy/migrations`.
    public static let migrations = root.appendingPathComponent("deploy/migrations")
    /// A file under the shared real-data folder (`<repo>/../shared/data`, or `VOLTLINE_SHARED_DATA`).
    /// - Throws: when the file is absent, so a test that needs real data fails loudly instead of passing empty.
    public static func sharedData(_ relativePath: String) throws -> URL {
        let base = ProcessInfo.processInfo.environment["VOLTLINE_SHARED_DATA"].map { URL(fileURLWithPath: $0) }
            ?? root.deletingLastPathComponent().appendingPathComponent("shared/data")
        let url = base.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw MissingSharedData(path: url.path)
        }
        return url
    }
    /// The folder holding the built executables (`swift build --show-bin-path`), next to the test bundle.
    public static var binaries: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }
}

/// The real-data file a test needs is not there.
public struct MissingSharedData: Error, CustomStringConvertible {
    public let path: String
    public var description: String { "shared data file missing: \(path)" }
}
