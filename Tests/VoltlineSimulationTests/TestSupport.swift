import VoltlineDomain
import VoltlineSimulation

/// Monday 2025-11-24 00:00:00 UTC.
let mondayMidnight: Int64 = 1_763_942_400_000
let minuteMillis: Int64 = 60_000
let hourMillis: Int64 = 3_600_000
let dayMillis: Int64 = 86_400_000

extension Reading {
    /// The battery-pack metrics, if this is a pack reading.
    var pack: PackMetrics? {
        if case .batteryPack(let metrics) = metrics { metrics } else { nil }
    }

    /// The machine metrics, if this is a machine reading.
    var machine: MachineMetrics? {
        if case .machine(let metrics) = metrics { metrics } else { nil }
    }
}

/// A gateway with the one pack `pack-01`, started at Monday midnight.
func packGateway(
    _ spec: BatteryPackSpec, operation: CycleProfile = CycleProfile(), stateOfChargePercent: Double,
    phase: CyclePhase, sampleIntervalMillis: Int64 = 10_000, seed: UInt64 = 1
) throws -> VirtualGateway {
    var gateway = VirtualGateway(seed: seed, startMillis: mondayMidnight, sampleIntervalMillis: sampleIntervalMillis)
    try gateway.addBatteryPack(
        id: "pack-01", site: "test", spec: spec, operation: operation, stateOfChargePercent: stateOfChargePercent,
        phase: phase)
    return gateway
}

/// A cycle that rests for a day after charging, to hold a pack still.
let restingCycle = CycleProfile(restAfterChargeSeconds: 86_400)
