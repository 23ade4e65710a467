import Foundation
import Logging
import Metrics
import VoltlineDomain
import VoltlineKafka
import VoltlineStreams

/// The edge's one path for every payload, from MQTT or HTTP: validate, apply the device policy, drop
/// duplicates, then hand accepted readings to Kafka and every refusal to the dead-letter topic.
struct ReadingIntake: Sendable {
    /// What became of one payload.
    struct Outcome: Sendable {
        var accepted = 0
        var rejected: [Rejection] = []
    }

    let decoder: GatewayPayloadDecoder
    let policy: IngestSettings.DevicePolicy
    let devices: DeviceDirectory
    let producer: KafkaProducer
    let recent = RecentSamples()
    let logger: Logger
    let metrics = IngestMetrics()

    /// Processes one payload that arrived on `topic` from `source` (`mqtt` or `http`).
    func process(_ payload: [UInt8], source: String, topic: String) async throws -> Outcome {
        let receivedAt = Int64(Date().timeIntervalSince1970 * 1000)
        metrics.payloads.increment()
        let decoded = decoder.decode(payload, receivedAtMillis: receivedAt)
        var outcome = Outcome(rejected: decoded.rejected)
        let headers = [
            KafkaHeader(key: "source", value: Array(source.utf8)),
            KafkaHeader(key: "received_at", value: Array(String(receivedAt).utf8)),
        ]
        for (reading, index) in zip(decoded.accepted, decoded.acceptedIndices) {
            if var rejection = try await admit(reading) {
                rejection.index = index
                rejection.deviceID = reading.deviceID
                outcome.rejected.append(rejection)
                continue
            }
            try await producer.enqueue(
                topic: KafkaTopic.readings, key: Array(reading.deviceID.utf8), value: ReadingCodec.encode(reading),
                headers: headers)
            outcome.accepted += 1
        }
        metrics.accepted.increment(by: outcome.accepted)
        for rejection in outcome.rejected {
            try await refuse(rejection, payload: payload, source: source, topic: topic, receivedAtMillis: receivedAt)
        }
        if !outcome.rejected.isEmpty {
            logger.debug(
                "rejected readings",
                metadata: [
                    "ingest.source": "\(source)", "ingest.rejected": "\(outcome.rejected.count)",
                    "ingest.first_reason": "\(outcome.rejected[0].reason)",
                ])
        }
        return outcome
    }

    /// Counts `rejection` and sends it, with the payload, to the dead-letter topic.
    func refuse(
        _ rejection: Rejection, payload: [UInt8], source: String, topic: String,
        receivedAtMillis: Int64 = Int64(Date().timeIntervalSince1970 * 1000)
    ) async throws {
        metrics.rejected(rejection.reason)
        let letter = DeadLetter(
            rejection, source: source, topic: topic, receivedAtMillis: receivedAtMillis, payload: payload)
        try await producer.enqueue(topic: KafkaTopic.deadLetter, key: letter.key, value: letter.encoded())
    }

    /// `nil` when the reading may pass; otherwise why not.
    private func admit(_ reading: Reading) async throws -> Rejection? {
        if let known = devices.record(for: reading.deviceID) {
            guard known.kind == reading.kind else {
                return Rejection(
                    .kindMismatch, "device is registered as \(known.kind.rawValue), reading says \(reading.kind.rawValue)")
            }
        } else {
            switch policy {
            case .reject:
                return Rejection(.unknownDevice, "device '\(reading.deviceID)' is not registered")
            case .autoRegister:
                try await devices.register(DeviceRecord(id: reading.deviceID, kind: reading.kind, autoRegistered: true))
                metrics.autoRegistered.increment()
            }
        }
        guard recent.insert(device: reading.deviceID, timeMillis: reading.timeMillis) else {
            return Rejection(.duplicate, "a reading at ts \(reading.timeMillis) was already accepted for this device")
        }
        return nil
    }
}

/// Ingest's counters, created once with fixed labels.
struct IngestMetrics: Sendable {
    let payloads = Counter(label: "voltline_ingest_payloads_total")
    let accepted = Counter(label: "voltline_ingest_accepted_total")
    let autoRegistered = Counter(label: "voltline_ingest_devices_auto_registered_total")
    private let rejectedByReason: [String: Counter] = Dictionary(
        uniqueKeysWithValues: RejectionReason.all.map {
            ($0.code, Counter(label: "voltline_ingest_rejected_total", dimensions: [("reason", $0.code)]))
        })

    func rejected(_ reason: RejectionReason) {
        rejectedByReason[reason.code]?.increment()
    }
}
