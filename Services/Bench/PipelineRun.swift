import Foundation
import VoltlinePostgres

/// One pipeline measurement: load at one or more rates, snapshots around each measured window, then a drain
/// that proves every acknowledged reading reached PostgreSQL.
struct PipelineRun: Sendable {
    /// The services whose `/metrics` the run reads, with the ports `deploy/local/voltline` gives them.
    static let serviceEndpoints = [
        "ingest": "http://127.0.0.1:8081", "features": "http://127.0.0.1:8082", "anomaly": "http://127.0.0.1:8083",
        "alerts": "http://127.0.0.1:8084", "api": "http://127.0.0.1:8080",
    ]
    /// The processes whose CPU and memory are recorded (pid files of `deploy/local/voltline`), besides PostgreSQL
    /// and the load generator.
    static let processNames = ["ingest", "features", "anomaly", "alerts", "scheduler", "api", "sim", "mosquitto", "kafka"]

    let fleet: BenchFleet
    let connection: PostgresConnection
    let generator: LoadGenerator
    let durability: DurabilityProbe
    let alerts: AlertProbe
    let scraper: MetricsScraper
    let sampler: ProcessSampler
    let log: @Sendable (String) -> Void

    private func snapshot() async -> PipelineSnapshot {
        PipelineSnapshot(metrics: await scraper.scrape(), processes: sampler.sample(), published: generator.snapshot.published)
    }

    func measure(rates: [Double], warmup: Duration, window: Duration, drainTimeout: Duration) async throws
        -> PipelineReport
    {
        let load = Task { try await generator.run() }
        let probe = Task { try await durability.run() }
        try await alerts.introduce()
        log("warming up for \(warmup)")
        try await Task.sleep(for: warmup)
        var steps: [PipelineReport.Step] = []
        var alertTask: Task<Void, any Error>?
        for (index, rate) in rates.enumerated() {
            generator.setRate(rate)
            if index > 0 { try await Task.sleep(for: .seconds(5)) }
            sampler.resetPeaks()
            let before = await snapshot()
            if index == 0 { alertTask = Task { try await alerts.run() } }
            try await Task.sleep(for: window)
            let after = await snapshot()
            let step = PipelineReport.Step(
                offered: rate, before: before, after: after, latency: durability.samples.distribution(in: before.time...after.time))
            log("step \(Int(rate))/s: stored \(Int(step.storedPerSecond))/s, max lag \(step.maxLag), sustainable \(step.sustainable)")
            steps.append(step)
            if rates.count > 1 && !step.sustainable { break }
        }
        load.cancel()
        try await load.value
        try await alertTask?.value
        probe.cancel()
        _ = try? await probe.value
        let published = generator.snapshot
        log("load stopped: \(published.published) readings acknowledged by the broker; waiting for PostgreSQL")
        let stored = try await drain(expected: published.published, timeout: drainTimeout)
        let faults = alerts.samples.distribution(in: Date.distantPast...Date.distantFuture)
        return PipelineReport(
            devices: fleet.deviceCount, steps: steps, published: published.published,
            publishFailures: published.failed, stored: stored, faultToAlert: faults, faultProbes: fleet.faultProbes.count)
    }

    /// Waits until PostgreSQL holds `expected` rows of the run's load devices, or `timeout` passes without
    /// progress; returns the final count.
    private func drain(expected: Int, timeout: Duration) async throws -> Int {
        var stored = -1
        var lastProgress = ContinuousClock.now
        while true {
            let rows = try await connection.query("SELECT count(*) FROM readings WHERE device_id LIKE \(fleet.loadPattern)")
            let count = try rows.first.map { try $0.decode(Int64.self, at: 0) }.map(Int.init) ?? 0
            if count != stored { lastProgress = .now }
            stored = count
            if stored >= expected || ContinuousClock.now - lastProgress > timeout { return stored }
            try await Task.sleep(for: .seconds(1))
        }
    }
}
