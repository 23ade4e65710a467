import Logging
import VoltlineService

/// `voltline-sim`: a virtual gateway publishing simulated machines and battery packs over MQTT.
@main
struct SimMain {
    static func main() async throws {
        let started = ServiceBootstrap.start(service: "voltline-sim")
        try await buildSim(reader: started.reader, registry: started.registry, logger: started.logger).group.run()
    }
}
