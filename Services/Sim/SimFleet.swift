import VoltlineSimulation

/// The devices the simulator runs: the standard plant of ``VirtualGateway/standard(seed:startMillis:sampleIntervalMillis:utcOffsetSeconds:)``
/// plus, for load tests, extra machines `load-0001`, `load-0002`, ... on line `line-load`.
enum SimFleet {
    /// The gateway with the standard fleet and `extraMachines` more.
    static func gateway(seed: UInt64, startMillis: Int64, sampleIntervalMillis: Int64, extraMachines: Int)
        -> VirtualGateway
    {
        var gateway = VirtualGateway.standard(
            seed: seed, startMillis: startMillis, sampleIntervalMillis: sampleIntervalMillis)
        let spec = MachineSpec(model: "Load-test machine", ratedPowerKW: 50)
        for number in stride(from: 1, through: extraMachines, by: 1) {
            // Ids of this shape are valid and not in the standard fleet, so adding cannot fail.
            let id = "load-" + String(number).leftPadded(to: 4)
            try! gateway.addMachine(id: id, site: "plant-1", line: "line-load", spec: spec)
        }
        return gateway
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
