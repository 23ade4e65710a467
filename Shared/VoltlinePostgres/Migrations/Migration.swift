public import Foundation

/// One schema change: a version number, a name and the SQL that applies it.
///
/// On disk a migration is a file `NNNN_name.sql` (for example `0003_add_cell_temperature.sql`). The SQL runs in
/// one transaction together with its `schema_migrations` row, so it must not contain `BEGIN`/`COMMIT` or
/// statements that cannot run in a transaction (`CREATE INDEX CONCURRENTLY`).
public struct Migration: Sendable, Hashable {
    /// The version; migrations apply in ascending order.
    public let version: Int
    /// The name, from the file name after the version.
    public let name: String
    /// The SQL to run.
    public let sql: String
    /// The SHA-256 of the SQL's UTF-8 bytes, in hex. Changing an applied migration changes it, which
    /// ``Migrator`` refuses.
    public let checksum: String

    /// Creates a migration from its parts.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
        checksum = SHA256.hexDigest(of: sql.utf8)
    }

    /// Loads every `*.sql` file of `directory`, sorted by version. Other files are ignored.
    /// - Throws: ``MigrationError`` when the directory or a file cannot be read, a file name is not
    ///   `NNNN_name.sql`, or two files share a version.
    public static func load(from directory: URL) throws -> [Migration] {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw MigrationError(
                code: .unreadableDirectory, message: "cannot list \(directory.path): \(error.localizedDescription)")
        }
        let migrations = try files.filter { $0.hasSuffix(".sql") }.map { file in
            guard let match = file.wholeMatch(of: /([0-9]+)_([A-Za-z0-9_\-]+)\.sql/), let version = Int(match.1),
                version > 0
            else {
                throw MigrationError(
                    code: .malformedFileName, message: "\(file): expected NNNN_name.sql with a positive version")
            }
            let url = directory.appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw MigrationError(code: .unreadableDirectory, message: "cannot read \(url.path)")
            }
            return Migration(version: version, name: String(match.2), sql: String(decoding: data, as: UTF8.self))
        }
        return try sortedAndValidated(migrations)
    }

    /// `migrations` sorted by version.
    /// - Throws: ``MigrationError/Code/duplicateVersion`` when two share a version.
    static func sortedAndValidated(_ migrations: [Migration]) throws -> [Migration] {
        let sorted = migrations.sorted { $0.version < $1.version }
        for (first, second) in zip(sorted, sorted.dropFirst()) where first.version == second.version {
            throw MigrationError(
                code: .duplicateVersion,
                message: "version \(first.version) is used by both \(first.name) and \(second.name)")
        }
        return sorted
    }
}
