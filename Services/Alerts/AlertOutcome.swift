/// What one anomaly message did to the alerts.
enum AlertOutcome: String, Sendable, CaseIterable {
    /// A new alert was raised.
    case raised
    /// An open alert was seen again at the same or a lower level.
    case deduplicated
    /// An open alert's level went up (an acknowledged alert became active again).
    case escalated
    /// The condition cleared and the open alert was resolved.
    case autoResolved = "auto_resolved"
    /// The condition cleared but no alert was open.
    case noOpenAlert = "no_open_alert"
}
