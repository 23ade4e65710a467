/// A failure of the learning library: bad input data, a model that cannot be used, or XGBoost refusing work.
public struct LearningError: Error, CustomStringConvertible, Sendable, Equatable {
    private enum Code: Sendable, Equatable {
        case badInput
        case notEnoughData
        case unusableModel
    }

    private let code: Code
    /// What went wrong, for people.
    public let message: String
    /// Where it was thrown.
    public let file: String
    public let line: Int

    public var description: String { message }

    /// The input (a file, a series, a parameter) is malformed.
    public static func badInput(_ message: String, file: String = #fileID, line: Int = #line) -> LearningError {
        LearningError(code: .badInput, message: message, file: file, line: line)
    }

    /// The input is well formed but too short to train or score on.
    public static func notEnoughData(_ message: String, file: String = #fileID, line: Int = #line) -> LearningError {
        LearningError(code: .notEnoughData, message: message, file: file, line: line)
    }

    /// A stored model is corrupt, of another kind, or does not fit the data.
    public static func unusableModel(_ message: String, file: String = #fileID, line: Int = #line) -> LearningError {
        LearningError(code: .unusableModel, message: message, file: file, line: line)
    }

    /// Whether this is an ``unusableModel(_:file:line:)`` error (callers fall back to rules and statistics).
    public var isUnusableModel: Bool { code == .unusableModel }

    public static func == (lhs: LearningError, rhs: LearningError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message
    }
}
