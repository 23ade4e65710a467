/// One plain-language suggestion from comparing the optimised plan with the as-soon-as-possible baseline.
public struct Recommendation: Sendable, Hashable, Codable {
    /// What it is about: `move_job`, `peak` or `storage`.
    public var kind: String
    /// The job moved, for `move_job`.
    public var job: String?
    /// Start in the baseline and in the plan, for `move_job`.
    public var fromSlot: Int?
    public var toSlot: Int?
    /// What following it saves against the baseline, in the problem's currency (negative: it costs more, for
    /// the sake of the whole plan).
    public var savings: Double
    /// The sentence for people, for example "Move job press-7 on press-1 from 14:00 to 23:00: saves 12,400 KRW".
    public var text: String
}
