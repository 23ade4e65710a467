/// The result of giving one reading to a windowing stage: what happened to the reading, and the
/// windows that its event time closed (oldest first, each emitted exactly once).
public struct WindowUpdate<Output: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    /// What happened to the reading.
    public var disposition: ReadingDisposition
    /// Windows closed by the watermark advance, oldest first.
    public var emitted: [Output]

    /// Creates an update.
    public init(disposition: ReadingDisposition, emitted: [Output]) {
        self.disposition = disposition
        self.emitted = emitted
    }
}
