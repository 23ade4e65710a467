import Logging
import VoltlineService

/// `voltline-sim`: a virtual gateway publishing simulated machines and battery packs over MQTT.
@main
struct SimMain {
    static func main() async throws {
        let reader = ServiceBootstrap.configReader()
        ServiceBootstrap.bootstrapLogging(reader: reader)
        let registry = ServiceBootstrap.bootstrapMetrics()
        let logger = Logger(label: "voltline.sim")
        let sim = try await buildSim(reader: reader, registry: registry, logger: logger)
        try await sim.group.run()
    }
}
