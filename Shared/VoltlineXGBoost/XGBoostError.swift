/// A failure reported by XGBoost's C API, with the function that failed and XGBoost's own message.
public struct XGBoostError: Error, CustomStringConvertible, Sendable {
    /// The C function that returned an error.
    public let function: String
    /// XGBoost's `XGBGetLastError()` text.
    public let message: String
    /// Where in Voltline the call was made.
    public let file: String
    public let line: Int

    public var description: String { "\(function) failed: \(message)" }
}
