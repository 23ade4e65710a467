import ServiceLifecycle

/// The running scheduler: its service group and the parts tests drive directly.
struct SchedulerServices {
    /// Everything that runs, in dependency order.
    let group: ServiceGroup
    /// The pricing loop; tests call ``EnergyPricer/priceOnce()``.
    let pricer: EnergyPricer
}
