import VoltlineDomain

/// How the simulator turns readings into MQTT payloads: the pure part of publishing.
enum TelemetryPayloads {
    /// One payload for `readings`: a single reading's JSON when the batch size is 1, else a batch.
    static func payload(for readings: [Reading], batchSize: Int) -> [UInt8] {
        if batchSize == 1, let reading = readings.first, readings.count == 1 {
            GatewayPayloadEncoder.encode(reading)
        } else {
            GatewayPayloadEncoder.encodeBatch(readings)
        }
    }

    /// The payloads for `readings` in chunks of at most `batchSize`, in order.
    static func payloads(for readings: [Reading], batchSize: Int) -> [[UInt8]] {
        stride(from: 0, to: readings.count, by: batchSize).map { start in
            payload(for: Array(readings[start..<min(start + batchSize, readings.count)]), batchSize: batchSize)
        }
    }
}
