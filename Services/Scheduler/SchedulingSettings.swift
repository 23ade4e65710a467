import Configuration

/// Settings of the ``ScheduleWorker``.
struct SchedulingSettings: Sendable {
    /// Time between looks at an empty queue.
    var pollInterval: Duration
    /// The longest CBC time limit a request may ask for, seconds.
    var maxTimeLimitSeconds: Double

    /// Reads `scheduler.queue-poll-ms` (default 1000) and `scheduler.max-time-limit-seconds` (default 60).
    init(reader: ConfigReader) {
        pollInterval = .milliseconds(max(10, reader.int(forKey: "scheduler.queue-poll-ms", default: 1_000)))
        maxTimeLimitSeconds = max(1, reader.double(forKey: "scheduler.max-time-limit-seconds", default: 60))
    }
}
