/// Structured log metadata keys of the simulator.
enum LogKey {
    static let gatewayID = "sim.gateway_id"
    static let deviceID = "device.id"
    static let deviceCount = "devices.count"
    static let fault = "sim.fault"
    static let action = "sim.action"
    static let source = "sim.command_source"
    static let queued = "sim.queued_readings"
    static let dropped = "sim.dropped_readings"
    static let error = "error"
}
