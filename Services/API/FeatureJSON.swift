import Foundation
import VoltlinePostgres

/// A `features_1m` row: one device's one-minute window.
struct FeatureJSON: Encodable, Sendable {
    var deviceID: String
    /// Window start, epoch milliseconds.
    var windowStart: Int64
    var kind: String
    var samples: Int
    var meanPowerKW: Double?
    var minPowerKW: Double?
    var maxPowerKW: Double?
    var energyKwh: Double?
    var meanVoltageV: Double?
    var minVoltageV: Double?
    var maxVoltageV: Double?
    var meanCurrentA: Double?
    var maxTemperatureC: Double?
    var meanSocPct: Double?
    var maxCellVoltageSpreadV: Double?
    var chargeAh: Double?

    /// Reads a row of the table (`SELECT *`).
    init(row: PostgresRow) throws {
        deviceID = try row.decode(named: "device_id")
        windowStart = try row.decode(Date.self, named: "window_start").epochMilliseconds
        kind = try row.decode(named: "kind")
        samples = try row.decode(named: "samples")
        meanPowerKW = try row.decode(named: "mean_power_kw")
        minPowerKW = try row.decode(named: "min_power_kw")
        maxPowerKW = try row.decode(named: "max_power_kw")
        energyKwh = try row.decode(named: "energy_kwh")
        meanVoltageV = try row.decode(named: "mean_voltage_v")
        minVoltageV = try row.decode(named: "min_voltage_v")
        maxVoltageV = try row.decode(named: "max_voltage_v")
        meanCurrentA = try row.decode(named: "mean_current_a")
        maxTemperatureC = try row.decode(named: "max_temperature_c")
        meanSocPct = try row.decode(named: "mean_soc_pct")
        maxCellVoltageSpreadV = try row.decode(named: "max_cell_voltage_spread_v")
        chargeAh = try row.decode(named: "charge_ah")
    }
}
