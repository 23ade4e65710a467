/// Polls `condition` every 50 ms until it holds, failing after `timeout`.
public func waitUntil(
    _ what: String, timeout: Duration = .seconds(20), _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while try await !condition() {
        guard ContinuousClock.now < deadline else { throw WaitTimeout(description: "timed out: \(what)") }
        try await Task.sleep(for: .milliseconds(50))
    }
}

/// A condition that did not hold in time.
public struct WaitTimeout: Error, CustomStringConvertible {
    /// What was waited for.
    public let description: String
}
