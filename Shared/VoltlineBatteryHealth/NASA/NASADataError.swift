/// Reading the NASA CSV files failed: a file is missing, gzip failed, or a file is not in the format.
public struct NASADataError: Error, CustomStringConvertible, Sendable {
    /// The file concerned.
    public let path: String
    /// What was wrong.
    public let reason: String
    /// Where in Voltline it was detected.
    public let file: String
    public let line: Int

    init(path: String, reason: String, file: String = #fileID, line: Int = #line) {
        self.path = path
        self.reason = reason
        self.file = file
        self.line = line
    }

    public var description: String { "\(path): \(reason)" }
}
