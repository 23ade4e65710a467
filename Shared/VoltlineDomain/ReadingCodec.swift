/// The compact binary encoding of a ``Reading`` on the Kafka readings topic (`voltline.readings.v1`).
///
/// Layout, little-endian (documented in `docs/CONTRACTS.md`):
/// `version:u8 (=1) | kind:u8 | present:u16 | time_ms:i64 | [seq:u64] | id_len:u8 | id bytes | values:f64...`
/// `present` has bit 0 for `seq` and one bit per optional metric; required metrics are always there.
/// About 40–90 bytes a reading, against 250–400 for the gateway JSON.
public enum ReadingCodec {
    /// The format version written by ``encode(_:)``.
    public static let version: UInt8 = 1

    /// Encodes `reading`.
    public static func encode(_ reading: Reading) -> [UInt8] {
        var writer = Writer()
        let (kind, required, optional) = layout(reading.metrics)
        var present: UInt16 = reading.sequence == nil ? 0 : 1
        for (bit, value) in optional.enumerated() where value != nil { present |= 1 << (bit + 1) }
        writer.bytes.reserveCapacity(24 + reading.deviceID.utf8.count + 8 * (required.count + optional.count))
        writer.bytes.append(version)
        writer.bytes.append(kind)
        writer.append(present)
        writer.append(UInt64(bitPattern: reading.timeMillis))
        if let sequence = reading.sequence { writer.append(sequence) }
        let id = Array(reading.deviceID.utf8.prefix(255))
        writer.bytes.append(UInt8(id.count))
        writer.bytes.append(contentsOf: id)
        for value in required { writer.append(value.bitPattern) }
        for value in optional.compactMap({ $0 }) { writer.append(value.bitPattern) }
        return writer.bytes
    }

    /// Decodes bytes written by ``encode(_:)``.
    /// - Throws: ``ReadingCodecError`` when the bytes are truncated, of an unknown version or kind.
    public static func decode(_ bytes: some Collection<UInt8>) throws(ReadingCodecError) -> Reading {
        var reader = Reader(bytes: Array(bytes))
        let version = try reader.byte()
        guard version == Self.version else { throw .unsupportedVersion(version) }
        let kind = try reader.byte()
        let present: UInt16 = try reader.integer()
        let time = Int64(bitPattern: try reader.integer())
        let sequence: UInt64? = present & 1 != 0 ? try reader.integer() : nil
        let idLength = Int(try reader.byte())
        let id = String(decoding: try reader.take(idLength), as: UTF8.self)
        func optional(_ bit: Int) throws(ReadingCodecError) -> Double? {
            present & (1 << (bit + 1)) != 0 ? try reader.double() : nil
        }
        let metrics: Metrics
        switch kind {
        case 0:
            let power = try reader.double()
            metrics = .machine(
                MachineMetrics(
                    activePowerKW: power, reactivePowerKVAR: try optional(0), voltageV: try optional(1),
                    currentA: try optional(2), powerFactor: try optional(3), energyKWh: try optional(4)))
        case 1:
            let voltage = try reader.double()
            let current = try reader.double()
            let temperature = try reader.double()
            metrics = .batteryPack(
                PackMetrics(
                    voltageV: voltage, currentA: current, temperatureC: temperature,
                    stateOfChargePercent: try optional(0), cellVoltageMinV: try optional(1),
                    cellVoltageMaxV: try optional(2), cellTemperatureMinC: try optional(3),
                    cellTemperatureMaxC: try optional(4)))
        default:
            throw .unknownKind(kind)
        }
        return Reading(deviceID: id, timeMillis: time, sequence: sequence, metrics: metrics)
    }

    /// Kind tag, required values and optional values in wire order.
    private static func layout(_ metrics: Metrics) -> (UInt8, [Double], [Double?]) {
        switch metrics {
        case .machine(let m):
            (0, [m.activePowerKW], [m.reactivePowerKVAR, m.voltageV, m.currentA, m.powerFactor, m.energyKWh])
        case .batteryPack(let p):
            (
                1, [p.voltageV, p.currentA, p.temperatureC],
                [p.stateOfChargePercent, p.cellVoltageMinV, p.cellVoltageMaxV, p.cellTemperatureMinC, p.cellTemperatureMaxC]
            )
        }
    }

    private struct Writer {
        var bytes: [UInt8] = []
        mutating func append<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func take(_ count: Int) throws(ReadingCodecError) -> ArraySlice<UInt8> {
            guard count <= bytes.count - offset else { throw .truncated }
            defer { offset += count }
            return bytes[offset..<offset + count]
        }

        mutating func byte() throws(ReadingCodecError) -> UInt8 { try take(1).first! }

        mutating func integer<T: FixedWidthInteger>() throws(ReadingCodecError) -> T {
            var value: T = 0
            for (shift, byte) in try take(MemoryLayout<T>.size).enumerated() { value |= T(byte) << (8 * shift) }
            return value
        }

        mutating func double() throws(ReadingCodecError) -> Double { Double(bitPattern: try integer()) }
    }
}

/// Why bytes on the readings topic could not be decoded.
public enum ReadingCodecError: Error, Sendable, Hashable {
    /// The bytes end before the reading does.
    case truncated
    /// Written by a newer format version than this build reads.
    case unsupportedVersion(UInt8)
    /// The kind tag is not one this version knows.
    case unknownKind(UInt8)
}
