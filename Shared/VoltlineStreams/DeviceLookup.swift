public import Logging
import Synchronization
public import VoltlineDomain

/// Looks devices up in a ``DeviceDirectory`` and reloads it when an id is unknown, at most once per
/// `minimumRefreshInterval`, so a stream of readings from an unregistered device cannot hammer the database.
public final class DeviceLookup: Sendable {
    /// The directory looked in.
    public let directory: DeviceDirectory
    private let minimumRefreshInterval: Duration
    private let lastRefresh = Mutex<ContinuousClock.Instant?>(nil)
    private let logger: Logger

    /// Creates a lookup over `directory`.
    public init(directory: DeviceDirectory, minimumRefreshInterval: Duration = .seconds(5), logger: Logger) {
        self.directory = directory
        self.minimumRefreshInterval = minimumRefreshInterval
        self.logger = logger
    }

    /// The record of `id`; when it is unknown and the last refresh is old enough, reloads the directory first.
    /// A failed reload is logged and treated as "unknown": callers fall back to default limits.
    public func record(for id: String) async -> DeviceRecord? {
        if let record = directory.record(for: id) { return record }
        let now = ContinuousClock.now
        let due = lastRefresh.withLock { last in
            guard last.map({ now - $0 >= minimumRefreshInterval }) ?? true else { return false }
            last = now
            return true
        }
        guard due else { return nil }
        do {
            try await directory.refresh()
        } catch {
            logger.warning("device directory refresh failed", metadata: ["error": "\(error)"])
        }
        return directory.record(for: id)
    }
}
