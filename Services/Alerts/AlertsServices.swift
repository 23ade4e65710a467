import ServiceLifecycle

/// The running alerts service: its service group and the parts tests drive directly.
struct AlertsServices {
    /// Everything that runs, in dependency order.
    let group: ServiceGroup
    /// Applies anomalies; tests build a replaying sink around it.
    let applier: AnomalyApplier
    /// The outbox publisher.
    let publisher: AlertEventPublisher
}
