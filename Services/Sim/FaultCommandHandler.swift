import Logging

/// Applies fault commands from any source (MQTT, HTTP) to the gateway, with logs and counters.
struct FaultCommandHandler: Sendable {
    let controller: GatewayController
    let metrics: SimMetrics
    let logger: Logger

    /// Decodes and applies a JSON command; a bad one is logged and counted, never thrown.
    func handle(json payload: [UInt8], source: String) {
        let command: FaultCommand
        do throws(CommandError) {
            command = try FaultCommand(json: payload)
        } catch {
            return reject(error, source: source)
        }
        // apply counts and logs a refusal itself.
        try? apply(command, source: source)
    }

    /// Applies a command.
    /// - Throws: ``CommandError`` when the device is unknown or the fault does not apply to it.
    func apply(_ command: FaultCommand, source: String) throws(CommandError) {
        do throws(CommandError) {
            try controller.apply(command)
        } catch {
            reject(error, source: source)
            throw error
        }
        metrics.commandsApplied.increment()
        metrics.activeFaults.record(controller.activeFaultCount)
        logger.info(
            "fault command applied",
            metadata: [
                LogKey.deviceID: "\(command.deviceID)", LogKey.fault: "\(command.fault.contractName)",
                LogKey.action: "\(command.action.rawValue)", LogKey.source: "\(source)",
            ])
    }

    /// Counts and logs a refused command.
    func reject(_ error: CommandError, source: String) {
        metrics.commandsRejected.increment()
        logger.warning("fault command refused", metadata: [LogKey.error: "\(error)", LogKey.source: "\(source)"])
    }
}
