import ArgumentParser
import Foundation
import VoltlineAnalytics
import VoltlineBatteryHealth
import VoltlineDomain
import VoltlineSimulation

/// `voltline-battery runaway`: scores the thermal-runaway warning (``PackRiskMonitor``) on simulated packs:
/// false alarms in normal operation of the five reference packs, and, per fault kind and pack, the lead time
/// from fault onset to the first critical alert and the margin before runaway.
struct RunawayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runaway",
        abstract: "Thermal-runaway warning on simulated packs: false alarms in normal operation, lead time per fault.")

    @Option(help: "Simulated days of normal operation per reference pack.")
    var days: Double = 30

    @Option(help: "Simulated seconds between two readings of a pack.")
    var sampleSeconds: Int = 10

    @Option(help: "Simulated hours each fault runs before the run is cut off.")
    var faultHours: Double = 12

    @Option(help: "Seed of the simulation.")
    var seed: UInt64 = 5

    private static let startMillis: Int64 = 1_764_547_200_000  // 2025-12-01T00:00:00Z
    private static let faults: [FaultKind] = [.internalShort, .overcharge, .coolingFailure, .overheat]

    func run() throws {
        print("normal operation, \(format(days, 0)) days per pack, one reading every \(sampleSeconds) s")
        print("pack                           warnings  critical  danger  false_alarms/pack-month  first_false_alarm")
        var falseAlarms = 0
        for spec in BatteryPackSpec.referencePacks {
            let run = try simulate(spec, fault: nil, hours: days * 24)
            falseAlarms += run.rises[.critical, default: 0] + run.rises[.danger, default: 0]
            let perMonth = Double(run.rises[.critical, default: 0] + run.rises[.danger, default: 0]) / (days / 30)
            print(
                [
                    spec.model.padding(30), String(run.rises[.warning, default: 0]).padding(9),
                    String(run.rises[.critical, default: 0]).padding(9), String(run.rises[.danger, default: 0]).padding(7),
                    format(perMonth, 2).padding(24), run.firstFinding ?? "-",
                ].joined(separator: " "))
        }
        print("total false alarms (critical or danger): \(falseAlarms)")

        print("\nfaults injected after one hour of normal operation, cut off after \(format(faultHours, 0)) h")
        print("fault            pack                           onset->critical_min  critical->runaway_min  first_finding")
        for fault in Self.faults {
            for spec in BatteryPackSpec.referencePacks {
                let run = try simulate(spec, fault: fault, hours: faultHours + 1)
                let lead = run.firstCritical.map { format(Double($0 - run.onsetMillis!) / 60_000, 1) } ?? "missed"
                let margin: String =
                    switch (run.firstCritical, run.runawayMillis) {
                    case (let alert?, let runaway?): format(Double(runaway - alert) / 60_000, 1)
                    case (nil, _?): "missed"
                    default: "no runaway"
                    }
                print(
                    [
                        fault.rawValue.padding(16), spec.model.padding(30), lead.padding(20), margin.padding(22),
                        run.firstFinding ?? "-",
                    ].joined(separator: " "))
            }
        }
    }

    /// What one simulated run showed.
    private struct Run {
        /// How often the pack's level rose into each level.
        var rises: [RiskLevel: Int] = [:]
        var onsetMillis: Int64?
        /// The first critical alert: after the fault's onset, or anywhere in normal operation.
        var firstCritical: Int64?
        var firstFinding: String?
        var runawayMillis: Int64?
    }

    /// Runs one reference pack alone for `hours`, with `fault` injected after the first hour.
    private func simulate(_ spec: BatteryPackSpec, fault: FaultKind?, hours: Double) throws -> Run {
        var gateway = VirtualGateway(
            seed: seed, startMillis: Self.startMillis, sampleIntervalMillis: Int64(sampleSeconds) * 1000)
        let id = "pack"
        try gateway.addBatteryPack(id: id, site: "bench", spec: spec)
        let profile = gateway.profiles[0]
        let limits = DeviceLimits(
            chemistry: profile.chemistry ?? .nmc, cellsInSeries: profile.cellsInSeries, capacityAh: profile.capacityAh,
            maxCurrentA: profile.maxCurrentA)
        var monitor = PackRiskMonitor()
        var level = RiskLevel.normal
        var run = Run()
        let end = Self.startMillis + Int64(hours * 3_600_000)
        var now = Self.startMillis
        while now < end {
            if let fault, run.onsetMillis == nil, now >= Self.startMillis + 3_600_000 {
                try gateway.inject(fault, into: id, at: now)
                run.onsetMillis = now
            }
            now = min(end, now + 600_000)
            for reading in gateway.step(to: now) {
                guard case .batteryPack(let metrics) = reading.metrics,
                    let (_, assessment) = monitor.ingest(
                        deviceID: id, timeMillis: reading.timeMillis, metrics: metrics, limits: limits)
                else { continue }
                if assessment.level > level { run.rises[assessment.level, default: 0] += 1 }
                if assessment.level >= .critical, run.firstCritical == nil, run.onsetMillis != nil || fault == nil {
                    run.firstCritical = reading.timeMillis
                    run.firstFinding = assessment.summary
                }
                level = assessment.level
            }
            run.runawayMillis = try gateway.thermalEvents(of: id)?.runawayMillis
            if fault != nil, run.firstCritical != nil, let runaway = run.runawayMillis, now > runaway { break }
            if fault != nil, run.firstCritical != nil, run.runawayMillis == nil, now > (run.firstCritical ?? 0) + 3_600_000 {
                break
            }
        }
        return run
    }

    private func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
