/// An alert event v1 as published on `voltline.alerts.v1` and `voltline/v1/alerts/{site}/{device}`.
struct AlertEventMessage: Sendable, Codable, Hashable {
    /// The contract version.
    var v = 1
    /// The `alert_events` id: unique per event, so consumers can drop a redelivered copy.
    var eventID: Int64
    /// The alert the event belongs to.
    var alertID: Int64
    /// `raised`, `escalated`, `acknowledged`, `resolved` or `auto_resolved`.
    var event: String
    /// The device and rule of the alert.
    var device: String
    var rule: String
    /// The alert's level and state after the event.
    var level: String
    var state: String
    /// Event time, epoch milliseconds.
    var at: Int64
    /// The alert's message (the latest anomaly's text).
    var message: String
    /// Who made the transition: `system`, or the person or policy named through the api.
    var actor: String
    /// The note given with the transition, if any.
    var note: String?

    private enum CodingKeys: String, CodingKey {
        case v
        case eventID = "event_id"
        case alertID = "alert_id"
        case event, device, rule, level, state, at, message, actor, note
    }
}
