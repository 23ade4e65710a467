import Logging
import VoltlineService

/// The `voltline-features` executable.
@main
struct FeaturesMain {
    static func main() async throws {
        let started = ServiceBootstrap.start(service: "voltline-features")
        try await buildFeatures(reader: started.reader, registry: started.registry, logger: started.logger).run()
    }
}
