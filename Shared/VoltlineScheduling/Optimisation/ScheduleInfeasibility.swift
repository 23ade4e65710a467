/// A problem no plan can satisfy, with every reason found, each naming the job or constraint and why.
public struct ScheduleInfeasibility: Error, Sendable, Hashable, CustomStringConvertible {
    /// One reason.
    public struct Reason: Sendable, Hashable, Codable {
        /// What kind of constraint fails: `input`, `horizon`, `precedence`, `peak_limit`, `machine_capacity`,
        /// `storage` or `combined`.
        public var constraint: String
        /// The job concerned, if one is.
        public var job: String?
        /// The explanation for people.
        public var message: String
    }

    /// The reasons, in the order found.
    public var reasons: [Reason]

    public var description: String { reasons.map(\.message).joined(separator: "; ") }
}
