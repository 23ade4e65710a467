import Hummingbird
import ServiceLifecycle

/// The running scheduler: its service group and the parts tests drive directly.
struct SchedulerServices {
    /// Everything that runs, in dependency order.
    let group: ServiceGroup
    /// The pricing loop; tests call ``EnergyPricer/priceOnce()``.
    let pricer: EnergyPricer
    /// The optimisation queue worker; tests call ``ScheduleWorker/workOnce()``.
    let worker: ScheduleWorker
    /// The schedule tables.
    let store: ScheduleStore
    /// The HTTP routes, for in-process tests.
    let router: Router<BasicRequestContext>
}
