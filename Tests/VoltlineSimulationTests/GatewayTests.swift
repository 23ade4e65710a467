import Testing
import VoltlineDomain
import VoltlineSimulation

@Suite("Virtual gateway")
struct GatewayTests {
    @Test("the standard plant registers six machines on two lines and the five reference packs")
    func standardPlant() throws {
        let profiles = VirtualGateway.standard(seed: 1, startMillis: mondayMidnight).profiles
        let machines = profiles.filter { $0.kind == .machine }
        let packs = profiles.filter { $0.kind == .batteryPack }
        #expect(machines.count == 6)
        #expect(Set(machines.compactMap(\.line)) == ["line-1", "line-2"])
        #expect(machines.allSatisfy { ($0.ratedPowerKW ?? 0) > 0 })
        #expect(packs.map(\.model) == BatteryPackSpec.referencePacks.map(\.model))
        let blade = try #require(packs.first { $0.id == "pack-byd-blade-01" })
        #expect(blade.chemistry == .lfp)
        #expect(blade.capacityAh == 202)
        #expect(blade.cellsInSeries == 104 && blade.cellsInParallel == 1)
        #expect(profiles.allSatisfy { DeviceID.isValid($0.id) && $0.site == "plant-1" })
    }

    @Test("every reading, faults included, passes the gateway payload decoder")
    func readingsPassValidation() throws {
        let start = mondayMidnight + 6 * hourMillis
        var gateway = VirtualGateway.standard(seed: 8, startMillis: start, sampleIntervalMillis: 10_000)
        try gateway.inject(.overheat, into: "pack-samsung-25r-01")
        try gateway.inject(.overcharge, into: "pack-lg-e63-01")
        try gateway.inject(.internalShort, into: "pack-byd-blade-01")
        try gateway.inject(.stuckValue, into: "cnc-01", at: start + 10 * minuteMillis)
        let decoder = GatewayPayloadDecoder()
        var accepted = 0
        for minute in stride(from: 10, through: 90, by: 10) {
            let readings = gateway.step(to: start + Int64(minute) * minuteMillis)
            let outcome = decoder.decode(
                GatewayPayloadEncoder.encodeBatch(readings), receivedAtMillis: gateway.timeMillis)
            #expect(outcome.rejected.isEmpty, "\(outcome.rejected.first.map { $0.detail } ?? "")")
            #expect(outcome.accepted == readings)
            accepted += outcome.accepted.count
        }
        #expect(accepted == 11 * 6 * 90)
    }
}
