import Configuration

/// The simulator's own settings.
///
/// Keys (flag / environment):
/// - `sim.gateway-id` (`VOLTLINE_SIM_GATEWAY_ID`, default `sim-gw-1`): the gateway id; also the MQTT client id
///   and the last level of the telemetry and command topics.
/// - `sim.seed` (default 42): the seed of all simulated randomness.
/// - `sim.rate` (default 1.0): real seconds between two publishing ticks; may be fractional.
/// - `sim.acceleration` (default 1): simulated seconds per real second (60 runs an hour a minute).
/// - `sim.backfill-minutes` (default 0): start the simulation this far in the past, replay it at
///   `sim.acceleration` until it reaches the wall clock, then go on in real time (demos and tests see
///   hours of history in minutes, with event times the pipeline accepts).
/// - `sim.sample-interval-ms` (default 1000): simulated ms between two readings of a device.
/// - `sim.batch` (default 50): readings per MQTT message, as `{"readings":[...]}`; 1 publishes single readings.
/// - `sim.devices` (default 0): extra machines added beyond the standard fleet, for load tests.
/// - `sim.register` (default true): upsert the devices' profiles into the `devices` table at startup.
/// - `sim.queue-capacity` (default 100000): readings held in memory while the broker is away; when full, the
///   oldest are dropped and counted.
/// - `sim.scenario` (optional): a fault to start after startup, `overheat:pack-byd-blade-01:after=30s`.
/// - `sim.shutdown-timeout` (default 5): real seconds shutdown waits to publish what is queued.
struct SimSettings: Sendable {
    var gatewayID: String
    var seed: UInt64
    var tickInterval: Duration
    var acceleration: Double
    var backfillMillis: Int64
    var sampleIntervalMillis: Int64
    var batchSize: Int
    var extraDevices: Int
    var register: Bool
    var queueCapacity: Int
    var scenario: FaultScenario?
    var shutdownTimeout: Duration

    /// Reads and checks the keys above.
    /// - Throws: ``SimSettingsError`` when a value is out of range or the scenario is malformed.
    init(reader: ConfigReader) throws(SimSettingsError) {
        gatewayID = reader.string(forKey: "sim.gateway-id", default: "sim-gw-1")
        seed = UInt64(clamping: reader.int(forKey: "sim.seed", default: 42))
        let rate = reader.double(forKey: "sim.rate", default: 1.0)
        acceleration = reader.double(forKey: "sim.acceleration", default: 1)
        backfillMillis = Int64(reader.double(forKey: "sim.backfill-minutes", default: 0) * 60_000)
        sampleIntervalMillis = Int64(reader.int(forKey: "sim.sample-interval-ms", default: 1000))
        batchSize = reader.int(forKey: "sim.batch", default: 50)
        extraDevices = reader.int(forKey: "sim.devices", default: 0)
        register = reader.bool(forKey: "sim.register", default: true)
        queueCapacity = reader.int(forKey: "sim.queue-capacity", default: 100_000)
        let shutdownSeconds = reader.double(forKey: "sim.shutdown-timeout", default: 5)
        guard rate > 0, rate.isFinite else { throw SimSettingsError("sim.rate must be a positive number of seconds") }
        guard acceleration > 0, acceleration.isFinite else { throw SimSettingsError("sim.acceleration must be positive") }
        guard backfillMillis >= 0 else { throw SimSettingsError("sim.backfill-minutes must not be negative") }
        guard sampleIntervalMillis > 0 else { throw SimSettingsError("sim.sample-interval-ms must be positive") }
        guard (1...1000).contains(batchSize) else { throw SimSettingsError("sim.batch must be 1...1000") }
        guard extraDevices >= 0 else { throw SimSettingsError("sim.devices must not be negative") }
        guard queueCapacity > 0 else { throw SimSettingsError("sim.queue-capacity must be positive") }
        guard shutdownSeconds >= 0 else { throw SimSettingsError("sim.shutdown-timeout must not be negative") }
        tickInterval = .milliseconds(Int64((rate * 1000).rounded()))
        shutdownTimeout = .milliseconds(Int64((shutdownSeconds * 1000).rounded()))
        scenario = try reader.string(forKey: "sim.scenario").map { text throws(SimSettingsError) in
            guard let scenario = FaultScenario(text) else {
                throw SimSettingsError("sim.scenario must look like overheat:pack-byd-blade-01:after=30s, not '\(text)'")
            }
            return scenario
        }
    }
}

/// A setting of the simulator is unusable.
struct SimSettingsError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
