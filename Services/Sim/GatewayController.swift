import Synchronization
import VoltlineDomain
import VoltlineSimulation

/// The running virtual gateway, shared by the publishing loop, the command listener and the admin routes.
///
/// Every call happens at the simulated present of ``clock``, so a fault command acts from the moment it is
/// received, whatever the acceleration.
final class GatewayController: Sendable {
    /// Maps real time to simulated time.
    let clock: SimulationClock
    private let gateway: Mutex<VirtualGateway>

    /// Wraps `gateway`, which should start at `clock.startMillis`.
    init(gateway: VirtualGateway, clock: SimulationClock) {
        self.gateway = Mutex(gateway)
        self.clock = clock
    }

    /// The devices' profiles.
    var profiles: [DeviceProfile] { gateway.withLock { $0.profiles } }

    /// Steps the gateway to the simulated present.
    /// - Returns: the readings of every sample time passed since the last call.
    func advance() -> [Reading] {
        let now = clock.simulatedMillis()
        return gateway.withLock { $0.step(to: now) }
    }

    /// Starts or stops a fault at the simulated present (or, for a start, at `onsetMillis`).
    /// - Throws: ``CommandError`` when the device is unknown or the fault does not apply to it.
    func apply(_ command: FaultCommand, onsetMillis: Int64? = nil) throws(CommandError) {
        do {
            try gateway.withLock { gateway throws(SimulationError) in
                let now = max(gateway.timeMillis, clock.simulatedMillis())
                switch command.action {
                case .start: try gateway.inject(command.fault, into: command.deviceID, at: onsetMillis ?? now)
                case .stop: try gateway.clear(command.fault, on: command.deviceID, at: now)
                }
            }
        } catch {
            throw CommandError("\(command.fault.contractName) on '\(command.deviceID.prefix(128))': \(error.code)")
        }
    }

    /// Every device with the faults acting on it now.
    func statuses() -> [(profile: DeviceProfile, activeFaults: [FaultKind])] {
        let now = clock.simulatedMillis()
        return gateway.withLock { gateway in
            gateway.profiles.map { profile in
                // The ids come from the gateway itself, so the lookup cannot fail.
                let records = (try? gateway.faults(of: profile.id)) ?? []
                return (profile, records.filter { $0.isActive(at: now) }.map(\.kind))
            }
        }
    }

    /// How many faults act on any device now.
    var activeFaultCount: Int { statuses().reduce(0) { $0 + $1.activeFaults.count } }
}
