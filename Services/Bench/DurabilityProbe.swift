import Foundation
import Logging
import VoltlineDomain
import VoltlineMQTT
import VoltlinePostgres

/// Times MQTT publish → row durable in PostgreSQL for one probe device.
///
/// The probe publishes a one-reading payload every ``interval`` whose event time is its publish time, and
/// polls the `readings` table every ``pollInterval`` for rows newer than the last one seen. A row is visible to
/// another session only after its transaction's commit record is flushed (synchronous commit), so "visible"
/// means durable. The polling adds at most ``pollInterval`` to each sample.
struct DurabilityProbe: Sendable {
    let device: String
    let mqtt: MQTTConfiguration
    let database: PostgresConfiguration
    let logger: Logger
    let samples = LatencySamples()
    var interval = Duration.milliseconds(50)
    var pollInterval = Duration.milliseconds(5)

    /// Publishes and polls until cancelled.
    func run() async throws {
        let published = SharedState<[Int64: Date]>([:])
        var settings = mqtt
        settings.clientID = device
        let client = try MQTTClient(configuration: settings, logger: logger)
        try await client.connect()
        let connection = try await PostgresConnection.connect(configuration: database, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                var sequence: UInt64 = 0
                while !Task.isCancelled {
                    let sent = Date()
                    let millis = Int64(sent.timeIntervalSince1970 * 1000)
                    sequence += 1
                    let reading = BenchFleet.reading(
                        of: .init(id: device, kind: .machine), at: millis, sequence: sequence, noise: 0)
                    published.withLock { $0[millis] = sent }
                    try await client.publish(
                        topic: MQTTTopic.telemetry(gateway: device), payload: GatewayPayloadEncoder.encode(reading))
                    try await Task.sleep(for: interval)
                }
            }
            group.addTask {
                var newest = Date()
                while !Task.isCancelled {
                    let rows = try await connection.query(
                        """
                        SELECT (extract(epoch FROM ts) * 1000)::int8 FROM readings
                        WHERE device_id = \(device) AND ts > \(newest) ORDER BY ts
                        """)
                    let seen = Date()
                    for row in rows {
                        let millis = try row.decode(Int64.self, at: 0)
                        newest = max(newest, Date(timeIntervalSince1970: Double(millis) / 1000))
                        if let sent = published.withLock({ $0.removeValue(forKey: millis) }) {
                            samples.record(seen.timeIntervalSince(sent) * 1000, at: seen)
                        }
                    }
                    try await Task.sleep(for: pollInterval)
                }
            }
            try await group.next()
            group.cancelAll()
        }
        await client.disconnect()
        await connection.close()
    }
}
