import Foundation
import VoltlinePostgres

/// An `energy_15m` row: one machine's energy and demand in one 15-minute interval.
struct EnergyJSON: Encodable, Sendable {
    var deviceID: String
    /// Interval start, epoch milliseconds.
    var intervalStart: Int64
    var energyKwh: Double
    var demandKW: Double
    var peakKW: Double?
    var samples: Int
    var completeness: Double

    /// Reads a row of the table (`SELECT *`).
    init(row: PostgresRow) throws {
        deviceID = try row.decode(named: "device_id")
        intervalStart = try row.decode(Date.self, named: "interval_start").epochMilliseconds
        energyKwh = try row.decode(named: "energy_kwh")
        demandKW = try row.decode(named: "demand_kw")
        peakKW = try row.decode(named: "peak_kw")
        samples = try row.decode(named: "samples")
        completeness = try row.decode(named: "completeness")
    }
}
