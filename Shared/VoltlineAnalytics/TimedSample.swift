public import VoltlineDomain

/// Something with an event time, as kept inside an open window.
protocol TimedSample: Sendable {
    /// Event time in ms since the Unix epoch.
    var timeMillis: Int64 { get }
}

extension Reading: TimedSample {}
