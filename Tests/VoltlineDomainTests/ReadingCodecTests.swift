import Testing
import VoltlineDomain

@Suite("Binary reading codec")
struct ReadingCodecTests {
    @Test(
        "round trip keeps every field, present or absent",
        arguments: [
            Reading(deviceID: "press-01", timeMillis: 1_764_082_800_123, sequence: 42, metrics: .machine(
                MachineMetrics(activePowerKW: 12.5, reactivePowerKVAR: -3.25, voltageV: 400, currentA: 18.2,
                               powerFactor: 0.93, energyKWh: 1234.5))),
            Reading(deviceID: "m", timeMillis: -5, metrics: .machine(MachineMetrics(activePowerKW: 0))),
            Reading(deviceID: "pack-byd-01", timeMillis: 1, sequence: .max, metrics: .batteryPack(
                PackMetrics(voltageV: 51.2, currentA: -20, temperatureC: 25.5, stateOfChargePercent: 80,
                            cellVoltageMinV: 3.19, cellVoltageMaxV: 3.215, cellTemperatureMinC: 24, cellTemperatureMaxC: 27))),
            Reading(deviceID: "p2", timeMillis: 9, metrics: .batteryPack(
                PackMetrics(voltageV: 3.7, currentA: 1.5, temperatureC: 30, cellVoltageMaxV: 3.71))),
        ])
    func roundTrip(reading: Reading) throws {
        let bytes = ReadingCodec.encode(reading)
        #expect(bytes.first == ReadingCodec.version)
        #expect(try ReadingCodec.decode(bytes) == reading)
    }

    @Test("truncated bytes, unknown versions and kinds are errors, not crashes")
    func badBytes() {
        let bytes = ReadingCodec.encode(
            Reading(deviceID: "m1", timeMillis: 1, metrics: .machine(MachineMetrics(activePowerKW: 1))))
        for cut in 0..<bytes.count {
            #expect(throws: ReadingCodecError.truncated) { try ReadingCodec.decode(bytes.prefix(cut)) }
        }
        var newer = bytes
        newer[0] = 2
        #expect(throws: ReadingCodecError.unsupportedVersion(2)) { try ReadingCodec.decode(newer) }
        var alien = bytes
        alien[1] = 9
        #expect(throws: ReadingCodecError.unknownKind(9)) { try ReadingCodec.decode(alien) }
    }
}

@Suite("Gateway JSON encoder")
struct GatewayPayloadEncoderTests {
    @Test("what the encoder writes, the decoder reads back unchanged, single and batched")
    func encoderDecoderRoundTrip() {
        let now: Int64 = 1_764_082_800_000
        let readings = [
            Reading(deviceID: "press-01", timeMillis: now - 10, sequence: 3, metrics: .machine(
                MachineMetrics(activePowerKW: 12.345678901, voltageV: 400.1, powerFactor: 0.91, energyKWh: 1e6 + 0.1))),
            Reading(deviceID: "pack.tesla-1", timeMillis: now - 5, metrics: .batteryPack(
                PackMetrics(voltageV: 350.25, currentA: -120.5, temperatureC: 31.2, stateOfChargePercent: 64.5,
                            cellVoltageMinV: 3.61, cellVoltageMaxV: 3.65))),
        ]
        let decoder = GatewayPayloadDecoder()
        #expect(decoder.decode(GatewayPayloadEncoder.encode(readings[0]), receivedAtMillis: now).accepted == [readings[0]])
        let batch = decoder.decode(GatewayPayloadEncoder.encodeBatch(readings), receivedAtMillis: now)
        #expect(batch.rejected.isEmpty)
        #expect(batch.accepted == readings)
    }
}
