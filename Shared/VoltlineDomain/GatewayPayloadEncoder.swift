/// Writes readings in the gateway JSON format that ``GatewayPayloadDecoder`` reads: what the simulator
/// and any Swift gateway publish. Values are written in canonical units, times as epoch milliseconds.
public enum GatewayPayloadEncoder {
    /// One reading as a JSON object.
    public static func encode(_ reading: Reading) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        append(reading, to: &out)
        return out
    }

    /// A batch `{"readings": [...]}`.
    public static func encodeBatch(_ readings: some Sequence<Reading>) -> [UInt8] {
        var out: [UInt8] = Array(#"{"readings":["#.utf8)
        var first = true
        for reading in readings {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            append(reading, to: &out)
        }
        out.append(contentsOf: "]}".utf8)
        return out
    }

    private static func append(_ reading: Reading, to out: inout [UInt8]) {
        // Device ids are validated to [A-Za-z0-9._-], so they need no JSON escaping; others are dropped
        // to keep the output valid JSON (the decoder then refuses the id).
        let id = reading.deviceID.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 }
        out.append(contentsOf: #"{"device":""#.utf8)
        out.append(contentsOf: String(String.UnicodeScalarView(id)).utf8)
        out.append(contentsOf: #"","kind":""#.utf8)
        out.append(contentsOf: reading.kind.rawValue.utf8)
        out.append(contentsOf: #"","ts":"#.utf8)
        out.append(contentsOf: String(reading.timeMillis).utf8)
        if let sequence = reading.sequence {
            out.append(contentsOf: #","seq":"#.utf8)
            out.append(contentsOf: String(sequence).utf8)
        }
        out.append(contentsOf: #","metrics":{"#.utf8)
        var first = true
        func metric(_ name: String, _ value: Double?) {
            guard let value, value.isFinite else { return }
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: name.utf8)
            out.append(contentsOf: #"":"#.utf8)
            out.append(contentsOf: "\(value)".utf8)
        }
        switch reading.metrics {
        case .machine(let m):
            metric("active_power", m.activePowerKW)
            metric("reactive_power", m.reactivePowerKVAR)
            metric("voltage", m.voltageV)
            metric("current", m.currentA)
            metric("power_factor", m.powerFactor)
            metric("energy", m.energyKWh)
        case .batteryPack(let p):
            metric("voltage", p.voltageV)
            metric("current", p.currentA)
            metric("temperature", p.temperatureC)
            metric("soc", p.stateOfChargePercent)
            metric("cell_voltage_min", p.cellVoltageMinV)
            metric("cell_voltage_max", p.cellVoltageMaxV)
            metric("cell_temp_min", p.cellTemperatureMinC)
            metric("cell_temp_max", p.cellTemperatureMaxC)
        }
        out.append(contentsOf: "}}".utf8)
    }
}
