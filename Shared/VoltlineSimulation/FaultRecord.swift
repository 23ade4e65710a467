/// One injected fault on one device: when it started and, once cleared, when it ended.
public struct FaultRecord: Sendable, Hashable {
    /// The fault.
    public var kind: FaultKind
    /// Onset, in milliseconds since the Unix epoch (UTC).
    public var onsetMillis: Int64
    /// When the fault was cleared, if it was.
    public var clearedMillis: Int64?

    /// Creates a record.
    public init(kind: FaultKind, onsetMillis: Int64, clearedMillis: Int64? = nil) {
        self.kind = kind
        self.onsetMillis = onsetMillis
        self.clearedMillis = clearedMillis
    }

    /// Whether the fault acts at `timeMillis`: from its onset (inclusive) until it is cleared (exclusive).
    public func isActive(at timeMillis: Int64) -> Bool {
        onsetMillis <= timeMillis && clearedMillis.map { timeMillis < $0 } ?? true
    }
}
