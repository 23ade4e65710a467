import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Metrics
import Testing
import VoltlineSimulation

@testable import Sim

@Suite("Sim admin routes")
struct SimAdminRoutesTests {
    private func application() -> (some ApplicationProtocol, GatewayController) {
        let clock = SimulationClock(wallClockMillis: 1_764_082_800_000, acceleration: 1)
        let controller = GatewayController(
            gateway: SimFleet.gateway(
                seed: 42, startMillis: clock.startMillis, sampleIntervalMillis: 1000, extraMachines: 0),
            clock: clock)
        let router = Router()
        SimAdminRoutes.add(
            to: router, controller: controller,
            commands: FaultCommandHandler(controller: controller, metrics: SimMetrics(), logger: Logger(label: "t")))
        return (Application(router: router), controller)
    }

    @Test("POST /sim/faults starts and stops a fault; GET /sim/devices shows it")
    func startAndStop() async throws {
        let (app, _) = application()
        try await app.test(.router) { client in
            let start = #"{"type":"fault","device":"pack-lg-e63-01","fault":"internal_short","action":"start"}"#
            try await client.execute(uri: "/sim/faults", method: .post, body: ByteBuffer(string: start)) {
                #expect($0.status == .noContent)
            }
            try await client.execute(uri: "/sim/devices", method: .get) { response in
                let list = try JSONDecoder().decode(SimAdminRoutes.DeviceList.self, from: Data(buffer: response.body))
                #expect(list.devices.count == 11)
                let pack = try #require(list.devices.first { $0.device == "pack-lg-e63-01" })
                #expect(pack.activeFaults == ["internal_short"])
                #expect(pack.chemistry == "NMC")
                #expect(list.devices.first { $0.device == "press-01" }?.ratedPowerKW == 75)
            }
            let stop = start.replacingOccurrences(of: "start", with: "stop")
            try await client.execute(uri: "/sim/faults", method: .post, body: ByteBuffer(string: stop)) {
                #expect($0.status == .noContent)
            }
            try await client.execute(uri: "/sim/devices", method: .get) { response in
                let list = try JSONDecoder().decode(SimAdminRoutes.DeviceList.self, from: Data(buffer: response.body))
                #expect(list.devices.allSatisfy { $0.activeFaults.isEmpty })
            }
        }
    }

    @Test(
        "bad commands get 400 and a reason",
        arguments: [
            #"not json"#, #"{"type":"reboot"}"#,
            #"{"type":"fault","device":"pack-lg-e63-01","fault":"melt","action":"start"}"#,
            #"{"type":"fault","device":"pack-lg-e63-01","fault":"overheat","action":"maybe"}"#,
            #"{"type":"fault","device":"nope","fault":"overheat","action":"start"}"#,
            #"{"type":"fault","device":"press-01","fault":"overcharge","action":"start"}"#,
        ])
    func badCommands(body: String) async throws {
        let (app, controller) = application()
        try await app.test(.router) { client in
            try await client.execute(uri: "/sim/faults", method: .post, body: ByteBuffer(string: body)) {
                #expect($0.status == .badRequest)
            }
        }
        #expect(controller.activeFaultCount == 0)
    }

    @Test("scenarios parse with units and refuse garbage")
    func scenarios() {
        #expect(FaultScenario("overheat:pack-byd-blade-01:after=30s")?.afterMillis == 30_000)
        #expect(FaultScenario("stuck_value:press-01:after=2m")?.fault == .stuckValue)
        #expect(FaultScenario("stuck_value:press-01:after=250ms")?.afterMillis == 250)
        #expect(FaultScenario("overheat:pack-byd-blade-01") == nil)
        #expect(FaultScenario("fire:pack-byd-blade-01:after=1s") == nil)
        #expect(FaultScenario("overheat::after=1s") == nil)
    }
}
