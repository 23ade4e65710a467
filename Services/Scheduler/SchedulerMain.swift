import Logging
import ServiceLifecycle
import VoltlineService

/// `voltline-scheduler`: prices energy under the active time-of-use tariff and optimises production schedules.
@main
struct SchedulerMain {
    static func main() async throws {
        let started = ServiceBootstrap.start(service: "voltline-scheduler")
        try await buildScheduler(reader: started.reader, registry: started.registry, logger: started.logger).group.run()
    }
}
