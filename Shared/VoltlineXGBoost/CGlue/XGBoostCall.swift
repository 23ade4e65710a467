import CXGBoost

/// Runs one XGBoost C call and turns a nonzero status into an ``XGBoostError`` carrying `XGBGetLastError()`.
///
/// XGBoost keeps its last error per thread, so the message is read on the thread that made the call.
func xgboostCall(
    _ function: String, file: String = #fileID, line: Int = #line, _ body: () -> Int32
) throws(XGBoostError) {
    guard body() != 0 else { return }
    let message = XGBGetLastError().map { String(cString: $0) } ?? "no message"
    throw XGBoostError(function: function, message: message, file: file, line: line)
}
