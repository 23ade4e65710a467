/// The live follower's state in `/api/v1/status`.
struct LiveFollowerStatus: Encodable, Sendable {
    /// Its consumer group.
    var groupID: String
    /// Whether partitions are assigned.
    var connected: Bool
    /// Assigned partitions.
    var partitions: Int
    /// Messages not yet read, summed over its partitions.
    var lag: Int64
}
