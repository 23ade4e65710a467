import Foundation

/// Turns a gateway's JSON payload (one reading, or `{"readings": [...]}`) into validated readings in
/// canonical units, and every refused reading into a ``Rejection`` with its reason.
///
/// A batch is judged reading by reading: one bad reading does not sink the good ones around it.
/// The wire format is documented in `docs/CONTRACTS.md`.
public struct GatewayPayloadDecoder: Sendable {
    /// The bounds enforced.
    public var limits: ValidationLimits

    /// Creates a decoder with the given bounds.
    public init(limits: ValidationLimits = ValidationLimits()) {
        self.limits = limits
    }

    /// The outcome of decoding one payload.
    public struct Outcome: Sendable {
        /// The readings that passed every check, in payload order.
        public var accepted: [Reading] = []
        /// For each accepted reading, its position in the batch (`nil` for a single-reading payload).
        public var acceptedIndices: [Int?] = []
        /// The refused readings (or the whole payload, with no index), in payload order.
        public var rejected: [Rejection] = []
    }

    /// Decodes and validates `payload`.
    /// - Parameters:
    ///   - payload: the raw bytes as received.
    ///   - receivedAtMillis: the receive time, against which event times are checked.
    public func decode(_ payload: [UInt8], receivedAtMillis: Int64) -> Outcome {
        var outcome = Outcome()
        guard payload.count <= limits.maxPayloadBytes else {
            outcome.rejected.append(
                Rejection(.oversized, "payload is \(payload.count) bytes, limit is \(limits.maxPayloadBytes)"))
            return outcome
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse(payload)
        } catch {
            outcome.rejected.append(
                Rejection(.malformedJSON, "payload is not valid JSON: \(error.reason) at byte \(error.offset)"))
            return outcome
        }
        guard case .object = document else {
            outcome.rejected.append(Rejection(.wrongType, "payload is a JSON \(document.typeName), not an object"))
            return outcome
        }
        guard let batch = document["readings"] else {
            record(RawReading.read(document), index: nil, receivedAtMillis: receivedAtMillis, into: &outcome)
            return outcome
        }
        guard case .array(let entries) = batch else {
            outcome.rejected.append(Rejection(.wrongType, "field 'readings' is not an array"))
            return outcome
        }
        guard entries.count <= limits.maxBatchReadings else {
            outcome.rejected.append(
                Rejection(.batchTooLarge, "batch has \(entries.count) readings, limit is \(limits.maxBatchReadings)"))
            return outcome
        }
        for (index, entry) in entries.enumerated() {
            record(RawReading.read(entry), index: index, receivedAtMillis: receivedAtMillis, into: &outcome)
        }
        return outcome
    }

    private func record(
        _ entry: Result<RawReading, Rejection>, index: Int?, receivedAtMillis: Int64, into outcome: inout Outcome
    ) {
        switch entry {
        case .failure(var rejection):
            rejection.index = index
            outcome.rejected.append(rejection)
        case .success(let raw):
            do {
                outcome.accepted.append(try validate(raw, receivedAtMillis: receivedAtMillis))
                outcome.acceptedIndices.append(index)
            } catch var rejection as Rejection {
                rejection.index = index
                rejection.deviceID = raw.device
                outcome.rejected.append(rejection)
            } catch {
                preconditionFailure("validate throws only Rejection")
            }
        }
    }

    private func validate(_ raw: RawReading, receivedAtMillis: Int64) throws -> Reading {
        guard DeviceID.isValid(raw.device) else {
            throw Rejection(.invalidDeviceID, "device id must match [A-Za-z0-9][A-Za-z0-9._-]{0,127}")
        }
        guard let kind = DeviceKind(rawValue: raw.kind) else {
            throw Rejection(.unknownKind, "kind '\(raw.kind.prefix(40))' is not machine or battery_pack")
        }
        let time = try raw.ts.millis()
        if time > receivedAtMillis + limits.maxFutureSkewMillis {
            throw Rejection(.timestampInFuture, "ts is \(time - receivedAtMillis) ms ahead of the receive time")
        }
        if time < receivedAtMillis - limits.maxAgeMillis {
            throw Rejection(.timestampTooOld, "ts is \(receivedAtMillis - time) ms behind the receive time")
        }
        let specs = MetricCatalog.specs(for: kind)
        for name in (raw.units ?? [:]).keys where specs[name] == nil {
            throw Rejection(.unknownMetric, "units names '\(name.prefix(40))', not a \(kind.rawValue) metric")
        }
        var values: [String: Double] = [:]
        for (name, value) in raw.metrics {
            guard let spec = specs[name] else {
                throw Rejection(.unknownMetric, "metric '\(name.prefix(40))' is not a \(kind.rawValue) metric")
            }
            guard value.isFinite else { throw Rejection(.notFinite, "metric '\(name)' is not finite") }
            let unit = raw.units?[name]
            guard let canonical = spec.canonicalValue(value, unit: unit) else {
                let accepted = spec.factors.keys.sorted().joined(separator: ", ")
                throw Rejection(.wrongUnit, "unit '\(unit!.prefix(20))' for '\(name)': expected one of \(accepted)")
            }
            guard spec.range.contains(canonical) else {
                throw Rejection(
                    .outOfRange,
                    "metric '\(name)' = \(canonical) \(spec.canonicalUnit) is outside \(spec.range.lowerBound)...\(spec.range.upperBound)"
                )
            }
            values[name] = canonical
        }
        func required(_ name: String) throws -> Double {
            guard let value = values[name] else { throw Rejection(.missingField, "metrics.\(name) is required") }
            return value
        }
        let metrics: Metrics
        switch kind {
        case .machine:
            metrics = .machine(
                MachineMetrics(
                    activePowerKW: try required("active_power"), reactivePowerKVAR: values["reactive_power"],
                    voltageV: values["voltage"], currentA: values["current"], powerFactor: values["power_factor"],
                    energyKWh: values["energy"]))
        case .batteryPack:
            let pack = PackMetrics(
                voltageV: try required("voltage"), currentA: try required("current"),
                temperatureC: try required("temperature"), stateOfChargePercent: values["soc"],
                cellVoltageMinV: values["cell_voltage_min"], cellVoltageMaxV: values["cell_voltage_max"],
                cellTemperatureMinC: values["cell_temp_min"], cellTemperatureMaxC: values["cell_temp_max"])
            if let low = pack.cellVoltageMinV, let high = pack.cellVoltageMaxV, low > high {
                throw Rejection(.outOfRange, "cell_voltage_min \(low) V exceeds cell_voltage_max \(high) V")
            }
            if let low = pack.cellTemperatureMinC, let high = pack.cellTemperatureMaxC, low > high {
                throw Rejection(.outOfRange, "cell_temp_min \(low) °C exceeds cell_temp_max \(high) °C")
            }
            metrics = .batteryPack(pack)
        }
        return Reading(deviceID: raw.device, timeMillis: time, sequence: raw.seq, metrics: metrics)
    }
}

// MARK: - Wire shapes

/// A reading exactly as the gateway sent it, before units and ranges are checked.
private struct RawReading {
    let device: String
    let kind: String
    let ts: RawTimestamp
    let seq: UInt64?
    let metrics: [(name: String, value: Double)]
    let units: [String: String]?

    /// Reads one reading's fields in the order device, kind, ts, seq, metrics, units; the first problem wins.
    static func read(_ entry: JSONValue) -> Result<RawReading, Rejection> {
        let device = entry["device"].flatMap { value -> String? in
            if case .string(let text) = value { return text } else { return nil }
        }
        do {
            guard case .object = entry else { throw Rejection(.wrongType, "reading is a JSON \(entry.typeName), not an object") }
            let reading = RawReading(
                device: try required(entry, "device", as: "string") { if case .string(let v) = $0 { v } else { nil } },
                kind: try required(entry, "kind", as: "string") { if case .string(let v) = $0 { v } else { nil } },
                ts: try required(entry, "ts", as: "integer or string", RawTimestamp.init),
                seq: try optional(entry, "seq", as: "unsigned integer") { value -> UInt64? in
                    if case .number(_, let exact?) = value, exact >= 0 { UInt64(exact) } else { nil }
                },
                metrics: try required(entry, "metrics", as: "object") { value -> [(String, JSONValue)]? in
                    if case .object(let members) = value { members } else { nil }
                }.map { name, value in
                    switch value {
                    case .number(let number, _): return (name, number)
                    case .null: throw Rejection(.missingField, "field 'metrics.\(name)' is null")
                    default: throw Rejection(.wrongType, "field 'metrics.\(name)' is a \(value.typeName), not a number")
                    }
                },
                units: try optional(entry, "units", as: "object") { value -> [(String, JSONValue)]? in
                    if case .object(let members) = value { members } else { nil }
                }.map { members in
                    try Dictionary(
                        members.map { name, value in
                            guard case .string(let unit) = value else {
                                throw Rejection(.wrongType, "field 'units.\(name)' is a \(value.typeName), not a string")
                            }
                            return (name, unit)
                        }, uniquingKeysWith: { _, last in last })
                })
            return .success(reading)
        } catch var rejection as Rejection {
            rejection.deviceID = device
            return .failure(rejection)
        } catch {
            preconditionFailure("reading a reading throws only Rejection")
        }
    }

    private static func required<Value>(
        _ entry: JSONValue, _ field: String, as type: String, _ convert: (JSONValue) throws -> Value?
    ) throws -> Value {
        guard let value = entry[field] else { throw Rejection(.missingField, "field '\(field)' is missing") }
        guard let converted = try optional(entry, field, as: type, convert) else {
            throw Rejection(.missingField, "field '\(field)' is null")
        }
        _ = value
        return converted
    }

    /// The converted field; nil when absent or null; a ``Rejection`` when present with the wrong type.
    private static func optional<Value>(
        _ entry: JSONValue, _ field: String, as type: String, _ convert: (JSONValue) throws -> Value?
    ) throws -> Value? {
        guard let value = entry[field], value != .null else { return nil }
        guard let converted = try convert(value) else {
            throw Rejection(.wrongType, "field '\(field)' is a \(value.typeName), not a \(type)")
        }
        return converted
    }
}

/// An event time: integer milliseconds since the Unix epoch, or an RFC 3339 string.
private enum RawTimestamp {
    case millis(Int64)
    case text(String)

    init?(_ value: JSONValue) {
        switch value {
        case .number(_, let exact?): self = .millis(exact)
        case .number(let number, nil) where number.rounded() == number && abs(number) < 9.2e18: self = .millis(Int64(number))
        case .string(let text): self = .text(text)
        default: return nil
        }
    }

    func millis() throws -> Int64 {
        switch self {
        case .millis(let value):
            return value
        case .text(let text):
            let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
            guard let date = (try? withFraction.parse(text)) ?? (try? Date.ISO8601FormatStyle().parse(text)) else {
                throw Rejection(.wrongType, "ts '\(text.prefix(40))' is neither epoch milliseconds nor RFC 3339")
            }
            return Int64((date.timeIntervalSince1970 * 1000).rounded())
        }
    }
}
