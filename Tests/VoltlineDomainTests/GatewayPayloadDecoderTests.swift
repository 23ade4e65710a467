import Testing
import VoltlineDomain

@Suite("Gateway payload decoding and validation")
struct GatewayPayloadDecoderTests {
    let now: Int64 = 1_764_082_800_000  // 2025-11-25T15:00:00Z
    let decoder = GatewayPayloadDecoder()

    func decode(_ json: String) -> GatewayPayloadDecoder.Outcome {
        decoder.decode(Array(json.utf8), receivedAtMillis: now)
    }

    @Test("a machine reading converts units to kW, V, A, kWh")
    func machineReadingInCanonicalUnits() throws {
        let outcome = decode(
            """
            {"device":"press-01","kind":"machine","ts":\(now - 1000),"seq":7,
             "metrics":{"active_power":12500,"voltage":400.5,"current":18.2,"power_factor":0.93,"energy":1234567},
             "units":{"active_power":"W","energy":"Wh"}}
            """)
        #expect(outcome.rejected.isEmpty)
        let reading = try #require(outcome.accepted.first)
        #expect(reading.deviceID == "press-01")
        #expect(reading.timeMillis == now - 1000)
        #expect(reading.sequence == 7)
        #expect(
            reading.metrics
                == .machine(
                    MachineMetrics(
                        activePowerKW: 12.5, voltageV: 400.5, currentA: 18.2, powerFactor: 0.93, energyKWh: 1234.567)))
    }

    @Test("a battery pack reading with an RFC 3339 time and cell extremes")
    func packReading() throws {
        let outcome = decode(
            """
            {"device":"pack-byd-01","kind":"battery_pack","ts":"2025-11-25T14:59:59.250Z",
             "metrics":{"voltage":51.2,"current":-20,"temperature":298.15,"soc":80,
                        "cell_voltage_min":3190,"cell_voltage_max":3215},
             "units":{"temperature":"K","cell_voltage_min":"mV","cell_voltage_max":"mV"}}
            """)
        let reading = try #require(outcome.accepted.first)
        #expect(reading.timeMillis == now - 750)
        guard case .batteryPack(let pack) = reading.metrics else {
            Issue.record("expected pack metrics")
            return
        }
        #expect(pack.currentA == -20)
        #expect(abs(pack.temperatureC - 25) < 1e-9)
        #expect(abs(pack.cellVoltageMinV! - 3.19) < 1e-9)
        #expect(pack.stateOfChargePercent == 80)
    }

    @Test(
        "each kind of bad reading is refused with its own reason",
        arguments: [
            (#"{"device":"m1","kind":"machine","ts":1,"metrics":{"active_power":1}"#, "malformed_json"),
            (#"{"device":"m1","kind":"machine","metrics":{"active_power":1}}"#, "missing_field"),
            (#"{"device":"m1","kind":"machine","ts":NOW,"metrics":{}}"#, "missing_field"),
            (#"{"device":"m1","kind":"machine","ts":NOW,"metrics":{"active_power":"12"}}"#, "wrong_type"),
            (#"{"device":"m1","kind":"machine","ts":NOW,"metrics":{"active_power":true}}"#, "wrong_type"),
            (#"{"device":"m1","kind":"machine","ts":NOW,"metrics":{"active_power":NaN}}"#, "malformed_json"),
            (#"{"device":"m 1","kind":"machine","ts":NOW,"metrics":{"active_power":1}}"#, "invalid_device_id"),
            (#"{"device":"m1","kind":"toaster","ts":NOW,"metrics":{"active_power":1}}"#, "unknown_kind"),
            (#"{"device":"m1","kind":"machine","ts":NOW,"metrics":{"active_powr":1}}"#, "unknown_metric"),
            (#"{"device":"m1","kind":"machine","ts":NOW,"metrics":{"active_power":1},"units":{"active_power":"hp"}}"#, "wrong_unit"),
            (#"{"device":"m1","kind":"machine","ts":NOW,"metrics":{"active_power":1,"power_factor":1.7}}"#, "out_of_range"),
            (#"{"device":"m1","kind":"machine","ts":FUTURE,"metrics":{"active_power":1}}"#, "timestamp_in_future"),
            (#"{"device":"m1","kind":"machine","ts":PAST,"metrics":{"active_power":1}}"#, "timestamp_too_old"),
            (#"{"device":"m1","kind":"machine","ts":"yesterday","metrics":{"active_power":1}}"#, "wrong_type"),
            (#"{"device":"p1","kind":"battery_pack","ts":NOW,"metrics":{"voltage":50,"current":1,"temperature":25,"cell_voltage_min":3.4,"cell_voltage_max":3.3}}"#, "out_of_range"),
        ])
    func refusesBadReadings(json: String, reason: String) throws {
        let filled = json.replacingOccurrences(of: "NOW", with: "\(now)")
            .replacingOccurrences(of: "FUTURE", with: "\(now + 3_600_000)")
            .replacingOccurrences(of: "PAST", with: "\(now - 30 * 86_400_000)")
        let outcome = decode(filled)
        #expect(outcome.accepted.isEmpty)
        let rejection = try #require(outcome.rejected.first)
        #expect(rejection.reason.code == reason, "\(rejection.detail)")
        #expect(!rejection.detail.isEmpty)
    }

    @Test("a batch keeps its good readings and refuses the bad ones by index")
    func batchIsJudgedReadingByReading() {
        let outcome = decode(
            """
            {"readings":[
              {"device":"m1","kind":"machine","ts":\(now),"metrics":{"active_power":1}},
              {"device":"m2","kind":"machine","ts":\(now),"metrics":{"active_power":"x"}},
              {"device":"m3","kind":"machine","ts":\(now),"metrics":{"active_power":3}},
              {"device":"m4","kind":"machine","ts":\(now),"metrics":{"active_power":4e9}}
            ]}
            """)
        #expect(outcome.accepted.map(\.deviceID) == ["m1", "m3"])
        #expect(outcome.rejected.map(\.index) == [1, 3])
        #expect(outcome.rejected.map(\.deviceID) == ["m2", "m4"])
        #expect(outcome.rejected.map(\.reason) == [.wrongType, .outOfRange])
    }

    @Test("oversized payloads and batches are refused before any reading is looked at")
    func sizeLimits() {
        let small = GatewayPayloadDecoder(limits: ValidationLimits(maxPayloadBytes: 100, maxBatchReadings: 2))
        let big = Array(repeating: UInt8(ascii: " "), count: 101)
        #expect(small.decode(big, receivedAtMillis: now).rejected.map(\.reason) == [.oversized])
        let batch = #"{"readings":[{},{},{}]}"#
        #expect(small.decode(Array(batch.utf8), receivedAtMillis: now).rejected.map(\.reason) == [.batchTooLarge])
    }
}
