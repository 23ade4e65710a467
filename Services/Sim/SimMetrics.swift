import Metrics

/// The simulator's metrics, created once with fixed labels.
struct SimMetrics: Sendable {
    /// Readings the broker acknowledged.
    let readingsPublished = Counter(label: "voltline_sim_readings_published_total")
    /// MQTT messages the broker acknowledged.
    let messagesPublished = Counter(label: "voltline_sim_mqtt_messages_total")
    /// Publishes that failed; their readings went back to the queue.
    let publishFailures = Counter(label: "voltline_sim_publish_failures_total")
    /// Readings dropped because the queue was full.
    let readingsDropped = Counter(label: "voltline_sim_readings_dropped_total")
    /// Readings waiting in the queue.
    let queuedReadings = Gauge(label: "voltline_sim_queued_readings")
    /// Faults acting on any device.
    let activeFaults = Gauge(label: "voltline_sim_active_faults")
    /// Fault commands applied, from MQTT or HTTP.
    let commandsApplied = Counter(label: "voltline_sim_commands_applied_total")
    /// Commands refused (malformed, unknown device or fault).
    let commandsRejected = Counter(label: "voltline_sim_commands_rejected_total")
}
