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
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: Data(payload))
        } catch {
            outcome.rejected.append(Rejection(decodingError: error, index: nil, deviceID: nil))
            return outcome
        }
        switch envelope {
        case .single(let entry):
            record(entry, index: nil, receivedAtMillis: receivedAtMillis, into: &outcome)
        case .batch(let entries):
            guard entries.count <= limits.maxBatchReadings else {
                outcome.rejected.append(
                    Rejection(
                        .batchTooLarge, "batch has \(entries.count) readings, limit is \(limits.maxBatchReadings)"))
                return outcome
            }
            for (index, entry) in entries.enumerated() {
                record(entry, index: index, receivedAtMillis: receivedAtMillis, into: &outcome)
            }
        }
        return outcome
    }

    private func record(_ entry: LossyEntry, index: Int?, receivedAtMillis: Int64, into outcome: inout Outcome) {
        switch entry.result {
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

/// A payload: one reading, or a batch under `readings`.
private enum Envelope: Decodable {
    case single(LossyEntry)
    case batch([LossyEntry])

    private enum Keys: String, CodingKey { case readings }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        if container.contains(.readings) {
            self = .batch(try container.decode([LossyEntry].self, forKey: .readings))
        } else {
            self = .single(LossyEntry(from: decoder))
        }
    }
}

/// One reading of a batch, decoded on its own so that its errors stay its own.
private struct LossyEntry: Decodable {
    let result: Result<RawReading, Rejection>

    init(from decoder: any Decoder) {
        do {
            result = .success(try RawReading(from: decoder))
        } catch {
            let device = try? decoder.container(keyedBy: RawReading.CodingKeys.self).decode(String.self, forKey: .device)
            result = .failure(Rejection(decodingError: error, index: nil, deviceID: device))
        }
    }
}

/// A reading exactly as the gateway sent it, before units and ranges are checked.
private struct RawReading: Decodable {
    enum CodingKeys: String, CodingKey { case device, kind, ts, seq, metrics, units }

    let device: String
    let kind: String
    let ts: RawTimestamp
    let seq: UInt64?
    let metrics: [String: Double]
    let units: [String: String]?
}

/// An event time: integer milliseconds since the Unix epoch, or an RFC 3339 string.
private enum RawTimestamp: Decodable {
    case millis(Int64)
    case text(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let millis = try? container.decode(Int64.self) {
            self = .millis(millis)
        } else {
            self = .text(try container.decode(String.self))
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

extension Rejection {
    /// Maps a `DecodingError` to the field it names.
    fileprivate init(decodingError error: any Error, index: Int?, deviceID: String?) {
        guard let error = error as? DecodingError else {
            self.init(.malformedJSON, "payload is not valid JSON", index: index, deviceID: deviceID)
            return
        }
        func path(_ context: DecodingError.Context, _ last: (any CodingKey)? = nil) -> String {
            let keys = (context.codingPath + (last.map { [$0] } ?? [])).filter { $0.intValue == nil }
            return keys.map(\.stringValue).filter { $0 != "readings" }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            self.init(.missingField, "field '\(path(context, key))' is missing", index: index, deviceID: deviceID)
        case .valueNotFound(_, let context):
            self.init(.missingField, "field '\(path(context))' is null", index: index, deviceID: deviceID)
        case .typeMismatch(let type, let context):
            self.init(
                .wrongType, "field '\(path(context))' is not a \(String(describing: type).lowercased())", index: index,
                deviceID: deviceID)
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            self.init(.malformedJSON, "payload is not valid JSON", index: index, deviceID: deviceID)
        case .dataCorrupted(let context):
            self.init(.wrongType, "field '\(path(context))' has an unusable value", index: index, deviceID: deviceID)
        @unknown default:
            self.init(.malformedJSON, "payload could not be decoded", index: index, deviceID: deviceID)
        }
    }
}
