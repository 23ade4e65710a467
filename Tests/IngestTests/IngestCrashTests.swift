import Foundation
import Testing
import VoltlineDomain
import VoltlineTestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

@Suite("Ingest: killed with SIGKILL and restarted", .timeLimit(.minutes(3)))
struct IngestCrashTests {
    @Test("no accepted reading is missing from PostgreSQL and none is stored twice")
    func sigkillDuringStoreLosesNothingAndDuplicatesNothing() async throws {
        try await IngestHarness.with { harness in
            let binary = RepositoryPaths.binaries.appendingPathComponent("voltline-ingest").path
            try #require(FileManager.default.isExecutableFile(atPath: binary), "build the products first: swift build")
            let log = FileManager.default.temporaryDirectory.appendingPathComponent("ingest-\(UUID()).log").path
            let environment = harness.environment(instanceID: "ingest-crash-\(UUID().uuidString.prefix(6))", storeBatch: 50)
            func launch() async throws -> ChildProcess {
                let process = try ChildProcess(binary, [], environment: environment, outputPath: log)
                try await waitUntil("ingest ready", timeout: .seconds(30)) {
                    try await httpStatus("http://127.0.0.1:\(harness.httpPort)/readyz") == 200
                }
                return process
            }

            var ingest = try await launch()
            let gateway = try await harness.gateway()
            let origin = Int64(Date().timeIntervalSince1970 * 1000) - 3_600_000
            var next = 0
            func publish(_ count: Int) async throws {
                for _ in 0..<(count / 100) {
                    let readings = (0..<100).map { offset -> Reading in
                        let n = next + offset
                        return Reading(
                            deviceID: "press-\(n % 20)", timeMillis: origin + Int64(n / 20) * 10, sequence: UInt64(n),
                            metrics: .machine(MachineMetrics(activePowerKW: Double(n % 97))))
                    }
                    next += 100
                    try await gateway.publish(
                        topic: MQTTTopic.telemetry(gateway: "gw-crash"), payload: GatewayPayloadEncoder.encodeBatch(readings))
                }
            }

            // Everything published so far is accepted (on Kafka) before the kill; the store is part-way.
            let first = 20_000
            try await publish(first)
            try await waitUntil("all readings accepted", timeout: .seconds(60)) {
                try await metric("voltline_ingest_accepted_total", port: harness.httpPort) >= Double(first)
            }
            try await waitUntil("store under way", timeout: .seconds(60)) {
                try await harness.storedCounts().rows >= first / 10
            }
            kill(ingest.pid, SIGKILL)
            _ = ingest.waitForExit()
            let storedAtKill = try await harness.storedCounts().rows
            #expect(storedAtKill < first, "the kill should land while the store is still writing")

            // Published while ingest is dead: the broker keeps them in ingest's persistent session.
            let second = 2_000
            try await publish(second)
            ingest = try await launch()
            try await waitUntil("every reading stored", timeout: .seconds(90)) {
                try await harness.storedCounts().rows >= first + second
            }
            try await Task.sleep(for: .seconds(1))
            let counts = try await harness.storedCounts()
            #expect(counts.rows == first + second)
            #expect(counts.distinct == first + second)
            await gateway.disconnect()
            await ingest.terminate()
        }
    }
}

/// The HTTP status of a GET, or 0 when nothing answers.
func httpStatus(_ url: String) async throws -> Int {
    do {
        let (_, response) = try await URLSession.shared.data(from: URL(string: url)!)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    } catch {
        return 0
    }
}

/// The value of an unlabelled Prometheus metric served on `port`.
func metric(_ name: String, port: Int) async throws -> Double {
    let (data, _) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/metrics")!)
    let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix(name + " ") }
    return line.flatMap { Double($0.split(separator: " ").last ?? "") } ?? 0
}
