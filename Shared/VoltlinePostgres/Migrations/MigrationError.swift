/// A problem with the migration files or with what the database has already applied.
public struct MigrationError: Error, Sendable, CustomStringConvertible {
    /// What went wrong. New codes may be added in later versions.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case unreadableDirectory
            case malformedFileName
            case duplicateVersion
            case checksumMismatch
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// The migrations directory or one of its files could not be read.
        public static let unreadableDirectory = Code(.unreadableDirectory)
        /// A `.sql` file is not named `NNNN_name.sql` with a positive version.
        public static let malformedFileName = Code(.malformedFileName)
        /// Two migrations share a version number.
        public static let duplicateVersion = Code(.duplicateVersion)
        /// An applied migration's file changed since it was applied.
        public static let checksumMismatch = Code(.checksumMismatch)

        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// Which version or file, and what to do.
    public let message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "MigrationError(\(code)): \(message)" }
}
