import Foundation
import VoltlinePostgres

/// A `battery_pack_status` row: a pack's latest state of health, remaining life and risk.
struct BatteryStatusJSON: Encodable, Sendable {
    var deviceID: String
    /// When health was last estimated, epoch ms.
    var estimatedAt: Int64?
    var soh: Double?
    var eolCycles: Double?
    var remainingCycles: Double?
    /// Predicted end-of-life date, epoch ms.
    var eolDate: Int64?
    var riskLevel: String?
    /// Since when the risk level holds, epoch ms.
    var riskSince: Int64?

    init(row: PostgresRow) throws {
        deviceID = try row.decode(named: "device_id")
        estimatedAt = try row.decode(Date?.self, named: "estimated_at")?.epochMilliseconds
        soh = try row.decode(named: "soh")
        eolCycles = try row.decode(named: "eol_cycles")
        remainingCycles = try row.decode(named: "remaining_cycles")
        eolDate = try row.decode(Date?.self, named: "eol_date")?.epochMilliseconds
        riskLevel = try row.decode(named: "risk_level")
        riskSince = try row.decode(Date?.self, named: "risk_since")?.epochMilliseconds
    }
}

/// A `battery_health` row: state of health after one charge and the remaining-life band then.
struct BatteryHealthJSON: Encodable, Sendable {
    var deviceID: String
    var estimatedAt: Int64
    var equivalentFullCycles: Double
    var sohModel: Double?
    var sohPlain: Double
    var modelVersion: String?
    var eolThreshold: Double
    var eolCycles: Double?
    var eolCyclesLow: Double?
    var eolCyclesHigh: Double?
    var eolDate: Int64?
    var eolDateLow: Int64?
    var eolDateHigh: Int64?

    init(row: PostgresRow) throws {
        deviceID = try row.decode(named: "device_id")
        estimatedAt = try row.decode(Date.self, named: "estimated_at").epochMilliseconds
        equivalentFullCycles = try row.decode(named: "equivalent_full_cycles")
        sohModel = try row.decode(named: "soh_model")
        sohPlain = try row.decode(named: "soh_plain")
        modelVersion = try row.decode(named: "model_version")
        eolThreshold = try row.decode(named: "eol_threshold")
        eolCycles = try row.decode(named: "eol_cycles")
        eolCyclesLow = try row.decode(named: "eol_cycles_low")
        eolCyclesHigh = try row.decode(named: "eol_cycles_high")
        eolDate = try row.decode(Date?.self, named: "eol_date")?.epochMilliseconds
        eolDateLow = try row.decode(Date?.self, named: "eol_date_low")?.epochMilliseconds
        eolDateHigh = try row.decode(Date?.self, named: "eol_date_high")?.epochMilliseconds
    }
}

/// A `battery_risk` row: a change of a pack's thermal-runaway risk level and the precursors behind it.
struct BatteryRiskJSON: Encodable, Sendable {
    /// One precursor at warning or above.
    struct Finding: Codable, Sendable {
        var precursor: String
        var value: Double
        var level: String
    }

    var deviceID: String
    var ts: Int64
    var level: String
    var findings: [Finding]

    init(row: PostgresRow) throws {
        deviceID = try row.decode(named: "device_id")
        ts = try row.decode(Date.self, named: "ts").epochMilliseconds
        level = try row.decode(named: "level")
        findings = try JSONDecoder().decode([Finding].self, from: Data(try row.decode(String.self, named: "findings").utf8))
    }
}

/// A `battery_cycle_features` row: one finished charge of a pack.
struct BatteryCycleJSON: Encodable, Sendable {
    var deviceID: String
    var startedAt: Int64
    var endedAt: Int64
    var equivalentFullCycles: Double?
    /// Capacity implied by the charge over the BMS's state-of-charge change, in Ah.
    var socCapacityAh: Double?
    var chargedAh: Double
    var windowAh: Double?
    var ccAh: Double
    var cvAh: Double
    var startVoltageV: Double
    var icPeakV: Double?
    var icPeakAhPerV: Double?
    var resistanceOhm: Double?
    var temperatureRiseCPerMin: Double
    var rejection: String?

    init(row: PostgresRow) throws {
        deviceID = try row.decode(named: "device_id")
        startedAt = try row.decode(Date.self, named: "started_at").epochMilliseconds
        endedAt = try row.decode(Date.self, named: "ended_at").epochMilliseconds
        equivalentFullCycles = try row.decode(named: "equivalent_full_cycles")
        socCapacityAh = try row.decode(named: "soc_capacity_ah")
        chargedAh = try row.decode(named: "charged_ah")
        windowAh = try row.decode(named: "window_ah")
        ccAh = try row.decode(named: "cc_ah")
        cvAh = try row.decode(named: "cv_ah")
        startVoltageV = try row.decode(named: "start_voltage_v")
        icPeakV = try row.decode(named: "ic_peak_v")
        icPeakAhPerV = try row.decode(named: "ic_peak_ah_per_v")
        resistanceOhm = try row.decode(named: "resistance_ohm")
        temperatureRiseCPerMin = try row.decode(named: "temperature_rise_c_per_min")
        rejection = try row.decode(named: "rejection")
    }
}
