/// What a windowing stage did with one reading.
public enum ReadingDisposition: String, Sendable, Hashable, Codable {
    /// Merged into an open window.
    case accepted
    /// Same device and event time as a reading already in an open window; ignored (idempotent replay).
    case duplicate
    /// Its window had already closed: not merged. The caller counts it and dead-letters it.
    case late
    /// Not a reading this stage aggregates (a battery pack reading given to ``DemandWindows``).
    case ignored
}
