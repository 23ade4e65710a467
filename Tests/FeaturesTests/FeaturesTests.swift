import Foundation
import Testing
import VoltlineDomain
import VoltlineTestSupport

@Suite("Features service", .timeLimit(.minutes(3)))
struct FeaturesTests {
    @Test("windows, demand and segments are written and published; a late reading is dead-lettered")
    func writesAndPublishes() async throws {
        try await TestDatabase.with { database in
            let harness = try FeaturesHarness(database: database)
            let late = Reading(
                deviceID: "press-01", timeMillis: SampleStream.start + 10_000,
                metrics: .machine(MachineMetrics(activePowerKW: 99)))
            try await harness.produce(SampleStream.readings + [late])
            let service = try await harness.start()
            try await waitUntil("rows written") {
                try await harness.counts() == [32, 1, 2]
            }
            service.cancel()
            _ = await service.result

            let energy = try await harness.text(
                "SELECT concat_ws(' ', energy_kwh, demand_kw, peak_kw, samples, completeness) FROM energy_15m")
            let values = energy.split(separator: " ").compactMap { Double($0) }
            #expect(abs(values[0] - 3) < 1e-9)
            #expect(abs(values[1] - 12) < 1e-9)
            #expect(values[2...] == [12, 180, 1])
            let minuteEnergy = try await harness.text(
                "SELECT string_agg(DISTINCT round(energy_kwh::numeric, 9)::text, ',') FROM features_1m WHERE device_id = 'press-01'")
            #expect(minuteEnergy == "0.200000000")
            let segments = try await harness.text(
                "SELECT string_agg(kind || ' ' || round(charge_ah::numeric, 6), ',' ORDER BY started_at) FROM battery_segments")
            #expect(segments == "discharge 5.000000,rest 0.000000")

            let features = try await harness.read("voltline.features.v1") { $0.count >= 35 }
            #expect(features.filter { $0["type"] as? String == "minute" }.count == 32)
            #expect(features.filter { $0["type"] as? String == "demand" }.count == 1)
            #expect(features.filter { $0["type"] as? String == "segment" }.count == 2)
            #expect(features.allSatisfy { $0["v"] as? Int == 1 })

            let deadLetters = try await harness.read("voltline.deadletter.v1") { !$0.isEmpty }
            #expect(deadLetters.first?["reason"] as? String == "late_reading")
            #expect(deadLetters.first?["device"] as? String == "press-01")
        }
    }

    @Test("a service stopped mid-stream and restarted ends with the rows of an uninterrupted run")
    func restartMatchesUninterruptedRun() async throws {
        let expected = try await TestDatabase.with { database in
            let harness = try FeaturesHarness(database: database)
            try await harness.produce(SampleStream.readings)
            let service = try await harness.start(batchLimit: 20)
            try await waitUntil("all rows") { try await harness.counts() == [32, 1, 2] }
            try await Task.sleep(for: .milliseconds(500))
            service.cancel()
            _ = await service.result
            return try await harness.tables()
        }
        let restarted = try await TestDatabase.with { database in
            let harness = try FeaturesHarness(database: database)
            try await harness.produce(SampleStream.readings)
            let first = try await harness.start(batchLimit: 20)
            try await waitUntil("some rows") { try await harness.count("features_1m") >= 8 }
            first.cancel()
            _ = await first.result
            let second = try await harness.start(batchLimit: 20)
            try await waitUntil("all rows") { try await harness.counts() == [32, 1, 2] }
            try await Task.sleep(for: .milliseconds(500))
            second.cancel()
            _ = await second.result
            return try await harness.tables()
        }
        #expect(!expected.isEmpty)
        #expect(restarted == expected)
    }
}
