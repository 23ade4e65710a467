import Foundation
import VoltlineAnalytics

/// The JSON shapes of what the features service emits: table rows (column name → value, times in epoch
/// ms, inserted through `jsonb_to_recordset`) and `voltline.features.v1` messages (see docs/CONTRACTS.md).
enum FeatureRecords {
    /// A `features_1m` row. Machines fill the power and energy columns; packs the voltage, current,
    /// temperature, SOC, cell spread and net charge (`charge_ah`, positive into the pack) columns.
    static func row(_ feature: MinuteFeature) -> [String: Any] {
        var row: [String: Any] = [
            "device_id": feature.deviceID, "window_start_ms": feature.windowStartMillis,
            "kind": feature.kind.rawValue, "samples": feature.sampleCount,
        ]
        var stats: [String: Any] = ["coverage": feature.coverage]
        if let machine = feature.machine {
            row["mean_power_kw"] = machine.powerKW.mean
            row["min_power_kw"] = machine.powerKW.min
            row["max_power_kw"] = machine.powerKW.max
            row["energy_kwh"] = machine.energyKWh
            stats["energy_source"] = machine.energySource.rawValue
            stats["power_factor"] = machine.powerFactor.map(summary)
        }
        if let pack = feature.pack {
            row["mean_voltage_v"] = pack.voltageV.mean
            row["min_voltage_v"] = pack.voltageV.min
            row["max_voltage_v"] = pack.voltageV.max
            row["mean_current_a"] = pack.currentA.mean
            row["max_temperature_c"] = pack.temperatureC.max
            row["mean_soc_pct"] = pack.stateOfChargePercent?.mean
            row["max_cell_voltage_spread_v"] = pack.maxCellVoltageSpreadV
            row["charge_ah"] = pack.chargedAh - pack.dischargedAh
            row["energy_kwh"] = pack.chargedKWh - pack.dischargedKWh
            stats["charged_ah"] = pack.chargedAh
            stats["discharged_ah"] = pack.dischargedAh
            stats["charged_kwh"] = pack.chargedKWh
            stats["discharged_kwh"] = pack.dischargedKWh
            stats["max_cell_temperature_c"] = pack.maxCellTemperatureC
        }
        row["stats"] = stats.compactMapValues { $0 }
        return row
    }

    /// An `energy_15m` row.
    static func row(_ interval: DemandInterval) -> [String: Any] {
        [
            "device_id": interval.deviceID, "interval_start_ms": interval.intervalStartMillis,
            "energy_kwh": interval.energyKWh, "demand_kw": interval.demandKW, "peak_kw": interval.peakKW,
            "samples": interval.sampleCount, "completeness": min(1, max(0, interval.completeness)),
        ]
    }

    /// A `battery_segments` row; `details` records where the pack's next segment starts (`next_start_ms`),
    /// which a restarted service uses to resume segmenting exactly there.
    static func row(_ segment: BatterySegment, nextStartMillis: Int64) -> [String: Any] {
        let details: [String: Any?] = [
            "samples": segment.sampleCount, "duration_s": segment.durationSeconds,
            "voltage_start_v": segment.startVoltageV, "voltage_end_v": segment.endVoltageV,
            "equivalent_full_cycles": segment.equivalentFullCycles, "next_start_ms": nextStartMillis,
        ]
        let row: [String: Any?] = [
            "device_id": segment.deviceID, "started_at_ms": segment.startMillis, "ended_at_ms": segment.endMillis,
            "kind": segment.kind.rawValue, "charge_ah": segment.ampHours, "energy_kwh": segment.energyKWh,
            "soc_start_pct": segment.startSOCPercent, "soc_end_pct": segment.endSOCPercent,
            "voltage_min_v": segment.minVoltageV, "voltage_max_v": segment.maxVoltageV,
            "temperature_start_c": segment.startTemperatureC, "temperature_max_c": segment.maxTemperatureC,
            "temperature_rise_c_per_min": segment.temperatureRiseCPerMinute, "mean_current_a": segment.meanCurrentA,
            "details": details.compactMapValues { $0 },
        ]
        return row.compactMapValues { $0 }
    }

    /// The `voltline.features.v1` message for a minute window: its row plus `v` and `type`.
    static func message(_ feature: MinuteFeature) -> [String: Any] {
        envelope("minute", row(feature))
    }

    /// The `voltline.features.v1` message for a demand interval.
    static func message(_ interval: DemandInterval) -> [String: Any] {
        envelope("demand", row(interval))
    }

    /// The `voltline.features.v1` message for a battery segment.
    static func message(_ segment: BatterySegment, nextStartMillis: Int64) -> [String: Any] {
        envelope("segment", row(segment, nextStartMillis: nextStartMillis))
    }

    /// JSON bytes of a row or message (sorted keys, so equal records give equal bytes).
    static func json(_ object: Any) -> [UInt8] {
        // Only strings, numbers and nested dictionaries of them: serialisation cannot fail.
        Array(try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }

    private static func envelope(_ type: String, _ row: [String: Any]) -> [String: Any] {
        row.merging(["v": 1, "type": type]) { _, new in new }
    }

    private static func summary(_ value: ValueSummary) -> [String: Double] {
        ["min": value.min, "mean": value.mean, "max": value.max, "last": value.last]
    }
}
