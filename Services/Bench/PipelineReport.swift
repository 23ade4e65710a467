import Foundation

/// The figures of one pipeline run: per measured step, and for the whole run.
struct PipelineReport: Encodable, Sendable {
    /// One measured window at one offered rate.
    struct Step: Encodable, Sendable {
        let offered: Double
        let seconds: Double
        let publishedPerSecond: Double
        let acceptedPerSecond: Double
        let storedPerSecond: Double
        let featuresPerSecond: Double
        let anomalyPerSecond: Double
        let deadLetters: Int
        /// Kafka lag (messages) at the window's end, per consuming service.
        let lag: [String: Int]
        let intakePaused: Bool
        let publishToDurable: LatencyDistribution
        let processes: [ProcessUsage]

        /// Lag bounded (at most two seconds of the offered load) and everything offered stored.
        var sustainable: Bool {
            publishedPerSecond >= 0.95 * offered && storedPerSecond >= 0.95 * offered
                && Double(maxLag) <= 2 * offered && !intakePaused
        }
        var maxLag: Int { lag.values.max() ?? 0 }
        /// Readings stored per CPU-second of every process (services, servers, load generator).
        var readingsPerCPUSecond: Double {
            let cpu = processes.reduce(0) { $0 + $1.cpuSeconds }
            return cpu > 0 ? storedPerSecond * seconds / cpu : 0
        }

        init(offered: Double, before: PipelineSnapshot, after: PipelineSnapshot, latency: LatencyDistribution) {
            self.offered = offered
            let seconds = after.time.timeIntervalSince(before.time)
            self.seconds = seconds
            func rate(_ service: String, _ metric: String) -> Double {
                (after.metric(service, metric) - before.metric(service, metric)) / seconds
            }
            publishedPerSecond = Double(after.published - before.published) / seconds
            acceptedPerSecond = rate("ingest", "voltline_ingest_accepted_total")
            storedPerSecond = rate("ingest", "voltline_ingest_readings_stored_total")
            featuresPerSecond = rate("features", "voltline_features_readings_consumed_total")
            anomalyPerSecond = rate("anomaly", "voltline_anomaly_readings_consumed_total")
            deadLetters = Int(
                after.metric("ingest", "voltline_ingest_rejected_total")
                    - before.metric("ingest", "voltline_ingest_rejected_total"))
            lag = [
                "ingest-store": Int(after.metric("ingest", "voltline_ingest_store_lag_messages")),
                "features": Int(after.metric("features", "voltline_features_consumer_lag")),
                "anomaly": Int(after.metric("anomaly", "voltline_anomaly_consumer_lag")),
            ]
            intakePaused = after.metric("ingest", "voltline_ingest_intake_paused") > 0
            publishToDurable = latency
            processes = after.processes.keys.sorted().compactMap { name in
                guard let end = after.processes[name] else { return nil }
                let cpu = end.cpuSeconds - (before.processes[name]?.cpuSeconds ?? end.cpuSeconds)
                return ProcessUsage(
                    name: name, cpuSeconds: cpu, cpuPercent: 100 * cpu / seconds, peakRSSBytes: end.peakRSSBytes)
            }
        }

        enum CodingKeys: String, CodingKey {
            case offered, seconds, publishedPerSecond, acceptedPerSecond, storedPerSecond, featuresPerSecond
            case anomalyPerSecond, deadLetters, lag, intakePaused, publishToDurable, processes
            case sustainable, readingsPerCPUSecond
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(offered, forKey: .offered)
            try container.encode(seconds, forKey: .seconds)
            try container.encode(publishedPerSecond, forKey: .publishedPerSecond)
            try container.encode(acceptedPerSecond, forKey: .acceptedPerSecond)
            try container.encode(storedPerSecond, forKey: .storedPerSecond)
            try container.encode(featuresPerSecond, forKey: .featuresPerSecond)
            try container.encode(anomalyPerSecond, forKey: .anomalyPerSecond)
            try container.encode(deadLetters, forKey: .deadLetters)
            try container.encode(lag, forKey: .lag)
            try container.encode(intakePaused, forKey: .intakePaused)
            try container.encode(publishToDurable, forKey: .publishToDurable)
            try container.encode(processes, forKey: .processes)
            try container.encode(sustainable, forKey: .sustainable)
            try container.encode(readingsPerCPUSecond, forKey: .readingsPerCPUSecond)
        }
    }

    /// CPU and memory of one process (or process group) over a step.
    struct ProcessUsage: Encodable, Sendable {
        let name: String
        let cpuSeconds: Double
        let cpuPercent: Double
        let peakRSSBytes: Int
    }

    let devices: Int
    let steps: [Step]
    /// Readings the broker acknowledged over the whole run, warm-up included.
    let published: Int
    let publishFailures: Int
    /// Rows of the run's load devices in PostgreSQL after the drain.
    let stored: Int
    let faultToAlert: LatencyDistribution
    let faultProbes: Int

    /// Acknowledged readings missing from PostgreSQL: must be zero.
    var loss: Int { published - stored }
    /// The highest offered rate the pipeline sustained.
    var sustainedRate: Double? { steps.filter(\.sustainable).map(\.offered).max() }

    /// The report as plain-text tables.
    var table: String {
        let g = ResultTable.grouped
        func ms(_ value: Double?) -> String { value.map { ResultTable.decimal($0, 1) } ?? "-" }
        func mib(_ bytes: Int) -> String { "\(bytes / 1_048_576) MiB" }
        var text = render(
            ["offered/s", "published/s", "accepted/s", "stored/s", "features/s", "anomaly/s", "max lag", "dead letters",
             "durable p50 ms", "p95", "p99", "max", "readings/CPU-s", "sustainable"],
            steps.map { step in
                [g(Int(step.offered)), g(Int(step.publishedPerSecond)), g(Int(step.acceptedPerSecond)),
                 g(Int(step.storedPerSecond)), g(Int(step.featuresPerSecond)), g(Int(step.anomalyPerSecond)),
                 g(step.maxLag), g(step.deadLetters), ms(step.publishToDurable.p50), ms(step.publishToDurable.p95),
                 ms(step.publishToDurable.p99), ms(step.publishToDurable.max), g(Int(step.readingsPerCPUSecond)),
                 step.sustainable ? "yes" : "no"]
            })
        if let last = steps.last {
            text += "\n\nprocesses over the last step (\(g(Int(last.offered))) readings/s offered):\n"
            text += render(
                ["process", "CPU s", "CPU %", "peak RSS"],
                last.processes.map { [$0.name, ResultTable.decimal($0.cpuSeconds, 1), ResultTable.decimal($0.cpuPercent, 0), mib($0.peakRSSBytes)] })
        }
        text += "\n\nfault → alert on the WebSocket (\(faultToAlert.count) of \(faultProbes) probes, ms): "
        text += "p50 \(ms(faultToAlert.p50)), p95 \(ms(faultToAlert.p95)), p99 \(ms(faultToAlert.p99)), max \(ms(faultToAlert.max))"
        text += "\nrun total: \(g(devices)) devices, \(g(published)) readings acknowledged by the broker, \(g(stored)) in PostgreSQL, loss \(loss)"
        if publishFailures > 0 { text += ", \(g(publishFailures)) readings in payloads the broker refused" }
        if let sustainedRate { text += "\nhighest sustained rate: \(g(Int(sustainedRate))) readings/s" }
        return text
    }

    private func render(_ header: [String], _ rows: [[String]]) -> String {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: " | ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "-|-")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }
}
