import Synchronization

/// Named conditions a service needs before it is ready (its broker connected, its database reachable).
/// Components set their own condition; `/readyz` answers 200 only when all are true.
public final class ReadinessProbe: Sendable {
    private let conditions: Mutex<[String: Bool]>

    /// Creates a probe whose named conditions all start false.
    public init(conditions names: [String]) {
        conditions = Mutex(Dictionary(uniqueKeysWithValues: names.map { ($0, false) }))
    }

    /// Sets one condition.
    public func set(_ name: String, _ ready: Bool) {
        conditions.withLock { $0[name] = ready }
    }

    /// Whether every condition holds.
    public var isReady: Bool { conditions.withLock { $0.values.allSatisfy { $0 } } }

    /// The conditions that do not hold, sorted.
    public var failing: [String] { conditions.withLock { $0.filter { !$0.value }.keys.sorted() } }
}
