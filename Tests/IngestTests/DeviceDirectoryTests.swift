import Logging
import Testing
import VoltlineDomain
import VoltlinePostgres
import VoltlineStreams
import VoltlineTestSupport

@Suite("Device directory")
struct DeviceDirectoryTests {
    @Test("a gateway's profile completes a device ingest registered automatically; nothing overwrites a profile")
    func authoritativeRegistrationCompletesAutomaticOne() async throws {
        try await TestDatabase.with { database in
            let logger = Logger(label: "device-directory-tests")
            let pool = PostgresPool(configuration: try PostgresConfiguration(url: database.url), logger: logger)
            let directory = DeviceDirectory(pool: pool, logger: logger)
            try await directory.register(DeviceRecord(id: "press-01", kind: .machine, autoRegistered: true))
            #expect(directory.record(for: "press-01")?.ratedPowerKW == nil)

            let profile = DeviceRecord(
                id: "press-01", kind: .machine, site: "plant-1", line: "line-1", ratedPowerKW: 90, maxCurrentA: 160)
            let stored = try await directory.register(profile)
            #expect(stored == profile)

            try await directory.register(DeviceRecord(id: "press-01", kind: .machine, autoRegistered: true))
            try await directory.register(DeviceRecord(id: "press-01", kind: .machine, site: "elsewhere", ratedPowerKW: 1))
            #expect(directory.record(for: "press-01") == profile)
            await pool.close()
        }
    }
}
