/// What a battery pack is doing during a segment.
public enum SegmentKind: String, Sendable, Hashable, Codable {
    /// Current above the dead band (positive = into the pack).
    case charge
    /// Current below minus the dead band.
    case discharge
    /// Current inside the dead band.
    case rest
}
