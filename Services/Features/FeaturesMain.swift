import Logging
import VoltlineService

/// The `voltline-features` executable.
@main
struct FeaturesMain {
    static func main() async throws {
        let reader = ServiceBootstrap.configReader()
        ServiceBootstrap.bootstrapLogging(reader: reader)
        let registry = ServiceBootstrap.bootstrapMetrics()
        let group = try await buildFeatures(reader: reader, registry: registry, logger: Logger(label: "voltline.features"))
        try await group.run()
    }
}
