import VoltlineDomain
import VoltlinePostgres

/// The simulated devices of one pipeline run: machines and battery packs split across gateways, plus the probe
/// devices whose readings are timed. Every id starts with the run's prefix, so runs never collide and the rows of
/// one run can be counted exactly.
struct BenchFleet: Sendable {
    /// A device and its kind.
    struct Device: Sendable {
        let id: String
        let kind: DeviceKind
    }

    let prefix: String
    /// Load devices per gateway, in publishing order.
    let gateways: [[Device]]
    /// A machine publishing one reading at a time, polled for in PostgreSQL: MQTT publish → durable row.
    let durabilityProbe: String
    /// Packs that each get one over-temperature reading: injected fault → alert on the WebSocket.
    let faultProbes: [String]

    init(runID: String, devices: Int, packShare: Double, gateways gatewayCount: Int, faultProbes: Int) {
        let prefix = "bench-\(runID)"
        self.prefix = prefix
        let packs = Int((Double(devices) * packShare).rounded())
        let all = (0..<devices).map { index in
            index < packs
                ? Device(id: "\(prefix)-load-p\(index)", kind: .batteryPack)
                : Device(id: "\(prefix)-load-m\(index)", kind: .machine)
        }
        // Round-robin, so every gateway carries the same mix of machines and packs.
        gateways = (0..<gatewayCount).map { gateway in
            stride(from: gateway, to: all.count, by: gatewayCount).map { all[$0] }
        }
        durabilityProbe = "\(prefix)-probe"
        self.faultProbes = (0..<faultProbes).map { "\(prefix)-fault\($0)" }
    }

    var deviceCount: Int { gateways.reduce(0) { $0 + $1.count } }

    /// A `LIKE` pattern matching exactly the load devices.
    var loadPattern: String { "\(prefix)-load-%" }

    /// Registers every device in one statement per kind (packs with a nameplate the threshold rules use).
    func register(on connection: PostgresConnection) async throws {
        let packs = gateways.joined().filter { $0.kind == .batteryPack }.map(\.id) + faultProbes
        let machines = gateways.joined().filter { $0.kind == .machine }.map(\.id) + [durabilityProbe]
        try await connection.execute(
            """
            INSERT INTO devices (device_id, kind, site, chemistry, capacity_ah, cells_series, cells_parallel, max_current_a)
            SELECT id, 'battery_pack', 'bench', 'NMC', \(Self.packCapacityAh), \(Int64(Self.cellsInSeries)), 1, 200
            FROM unnest(string_to_array(\(packs.joined(separator: ",")), ',')) AS id
            ON CONFLICT (device_id) DO NOTHING
            """)
        try await connection.execute(
            """
            INSERT INTO devices (device_id, kind, site, rated_power_kw)
            SELECT id, 'machine', 'bench', 100 FROM unnest(string_to_array(\(machines.joined(separator: ",")), ',')) AS id
            ON CONFLICT (device_id) DO NOTHING
            """)
    }

    /// Deletes every row of the run's devices, in every table with a `device_id` column (readings, features,
    /// anomalies, alerts and their events, the device registry), so runs do not pile up in the services' caches.
    func removeData(on connection: PostgresConnection) async throws {
        let pattern = "\(prefix)-%"
        try await connection.execute(
            "DELETE FROM alert_events WHERE alert_id IN (SELECT id FROM alerts WHERE device_id LIKE \(pattern))")
        let tables = try await connection.query(
            """
            SELECT c.table_name FROM information_schema.columns c
            JOIN information_schema.tables t USING (table_schema, table_name)
            WHERE c.table_schema = current_schema() AND c.column_name = 'device_id' AND t.table_type = 'BASE TABLE'
              AND NOT EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.table_name::regclass)
            """)
        for row in tables {
            let table = try row.decode(String.self, at: 0)
            try await connection.execute(
                "DELETE FROM \(PostgresIdentifier(table)) WHERE device_id LIKE \(pattern)")
        }
    }

    static let packCapacityAh = 100.0
    static let cellsInSeries = 96

    /// A plausible normal reading of `device` at `millis`: values wander a little around a steady operating
    /// point, so no threshold rule or statistical detector has reason to fire.
    static func reading(of device: Device, at millis: Int64, sequence: UInt64, noise: Double) -> Reading {
        switch device.kind {
        case .machine:
            let power = 40 + 4 * noise
            return Reading(
                deviceID: device.id, timeMillis: millis, sequence: sequence,
                metrics: .machine(
                    MachineMetrics(
                        activePowerKW: power, reactivePowerKVAR: power * 0.3, voltageV: 400 + noise,
                        currentA: power * 1.44, powerFactor: 0.95)))
        case .batteryPack:
            return packReading(id: device.id, at: millis, sequence: sequence, noise: noise, temperatureC: 28 + 0.2 * noise)
        }
    }

    /// A pack reading at `temperatureC`; 3.7 V cells, a gentle discharge.
    static func packReading(id: String, at millis: Int64, sequence: UInt64, noise: Double, temperatureC: Double) -> Reading {
        let cell = 3.70 + 0.002 * noise
        return Reading(
            deviceID: id, timeMillis: millis, sequence: sequence,
            metrics: .batteryPack(
                PackMetrics(
                    voltageV: cell * Double(cellsInSeries), currentA: -20 + noise, temperatureC: temperatureC,
                    stateOfChargePercent: 60 + noise, cellVoltageMinV: cell - 0.01, cellVoltageMaxV: cell + 0.01,
                    cellTemperatureMinC: temperatureC - 1, cellTemperatureMaxC: temperatureC + 1)))
    }
}
