import Foundation
import Hummingbird
import VoltlinePostgres

/// A `readings` row as the API returns it: canonical units in the key names, absent metrics omitted.
struct ReadingJSON: ResponseEncodable {
    var deviceID: String
    /// Event time, epoch milliseconds.
    var ts: Int64
    var seq: Int64?
    var kind: String
    var activePowerKW: Double?
    var reactivePowerKvar: Double?
    var powerFactor: Double?
    var energyKwh: Double?
    var voltageV: Double?
    var currentA: Double?
    var temperatureC: Double?
    var socPct: Double?
    var cellVoltageMinV: Double?
    var cellVoltageMaxV: Double?
    var cellTempMinC: Double?
    var cellTempMaxC: Double?
    /// When ingest stored it, epoch milliseconds.
    var receivedAt: Int64

    /// Reads a row of the table (`SELECT *`).
    init(row: PostgresRow) throws {
        deviceID = try row.decode(named: "device_id")
        ts = try row.decode(Date.self, named: "ts").epochMilliseconds
        seq = try row.decode(named: "seq")
        kind = try row.decode(named: "kind")
        activePowerKW = try row.decode(named: "active_power_kw")
        reactivePowerKvar = try row.decode(named: "reactive_power_kvar")
        powerFactor = try row.decode(named: "power_factor")
        energyKwh = try row.decode(named: "energy_kwh")
        voltageV = try row.decode(named: "voltage_v")
        currentA = try row.decode(named: "current_a")
        temperatureC = try row.decode(named: "temperature_c")
        socPct = try row.decode(named: "soc_pct")
        cellVoltageMinV = try row.decode(named: "cell_voltage_min_v")
        cellVoltageMaxV = try row.decode(named: "cell_voltage_max_v")
        cellTempMinC = try row.decode(named: "cell_temp_min_c")
        cellTempMaxC = try row.decode(named: "cell_temp_max_c")
        receivedAt = try row.decode(Date.self, named: "received_at").epochMilliseconds
    }
}
