import Foundation
import Metrics
import VoltlineDomain
import VoltlineKafka

/// Turns followed Kafka messages into live frames, thinning readings per device.
///
/// Readings (binary, ``ReadingCodec``) become `{"type":"reading", ...the gateway reading JSON}`; alert events
/// (JSON objects) become `{"type":"alert", ...the event's own fields}`. A device's reading is sent only when
/// its event time is at least ``readingInterval`` after the last one sent for that device. Undecodable
/// messages are counted in `voltline_api_live_invalid_total` and skipped.
struct LiveFrameMapper {
    /// The least event time between two readings sent for one device; 0 sends all.
    let readingInterval: Duration
    private var lastSent: [String: Int64] = [:]
    private let invalid = Counter(label: "voltline_api_live_invalid_total")
    private let thinned = Counter(label: "voltline_api_live_readings_thinned_total")

    /// A mapper that thins readings to one per device per `readingInterval`.
    init(readingInterval: Duration) {
        self.readingInterval = readingInterval
    }

    /// The frame for `message`, or `nil` when it is thinned out, undecodable or from another topic.
    mutating func frame(for message: KafkaMessage) -> LiveFrame? {
        switch message.topic {
        case KafkaTopic.readings: readingFrame(message.value)
        case KafkaTopic.alerts: alertFrame(message.value)
        default: nil
        }
    }

    private mutating func readingFrame(_ value: [UInt8]) -> LiveFrame? {
        guard let reading = try? ReadingCodec.decode(value) else {
            invalid.increment()
            return nil
        }
        if let last = lastSent[reading.deviceID], reading.timeMillis < last + readingInterval.milliseconds {
            thinned.increment()
            return nil
        }
        lastSent[reading.deviceID] = reading.timeMillis
        return LiveFrame(
            kind: .reading, device: reading.deviceID,
            text: Self.tagged("reading", object: GatewayPayloadEncoder.encode(reading)))
    }

    private func alertFrame(_ value: [UInt8]) -> LiveFrame? {
        struct AlertEvent: Decodable { var device: String }
        guard value.first == UInt8(ascii: "{"), let event = try? JSONDecoder().decode(AlertEvent.self, from: Data(value))
        else {
            invalid.increment()
            return nil
        }
        return LiveFrame(kind: .alert, device: event.device, text: Self.tagged("alert", object: value))
    }

    /// `object` (a non-empty JSON object) with `"type": type` as its first field.
    private static func tagged(_ type: String, object: [UInt8]) -> String {
        #"{"type":""# + type + #"","# + String(decoding: object.dropFirst(), as: UTF8.self)
    }
}
