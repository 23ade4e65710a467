/// Polls `condition` every 50 ms until it holds, failing after `timeout`.
func waitUntil(
    _ what: String, timeout: Duration = .seconds(20), _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while try await !condition() {
        guard ContinuousClock.now < deadline else { throw MessageCollector.Timeout(description: "timed out: \(what)") }
        try await Task.sleep(for: .milliseconds(50))
    }
}
