/// The structured logging metadata keys this library uses, in one place.
enum LogKey {
    /// `user@host:port/database` of the server (never the password).
    static let server = "postgres.server"
    /// The SQLSTATE of a server error.
    static let sqlState = "postgres.sqlstate"
    /// An error's terse description.
    static let error = "postgres.error"
    /// A migration's version number.
    static let migrationVersion = "postgres.migration.version"
    /// A migration's name.
    static let migrationName = "postgres.migration.name"
}
