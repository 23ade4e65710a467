import Logging
import ServiceLifecycle
import VoltlineService

/// `voltline-scheduler`: prices energy under the active time-of-use tariff.
@main
struct SchedulerMain {
    static func main() async throws {
        let reader = ServiceBootstrap.configReader()
        ServiceBootstrap.bootstrapLogging(reader: reader)
        let registry = ServiceBootstrap.bootstrapMetrics()
        let scheduler = try await buildScheduler(
            reader: reader, registry: registry, logger: Logger(label: "voltline.scheduler"))
        try await scheduler.group.run()
    }
}
