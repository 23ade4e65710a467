import Foundation
import Logging
import Metrics
import VoltlineDomain
import VoltlineKafka
import VoltlinePostgres

/// Writes readings from Kafka into the `readings` table, one batch per transaction (inside
/// ``ExactlyOnceSink``): COPY into a per-session staging table, then one `INSERT … ON CONFLICT DO NOTHING`,
/// so a replayed or duplicated reading is never stored twice.
struct ReadingStore: Sendable {
    static let columns = [
        "device_id", "ts", "seq", "kind", "active_power_kw", "reactive_power_kvar", "power_factor", "energy_kwh",
        "voltage_v", "current_a", "temperature_c", "soc_pct", "cell_voltage_min_v", "cell_voltage_max_v",
        "cell_temp_min_c", "cell_temp_max_c", "received_at",
    ]

    let logger: Logger
    let stored = Counter(label: "voltline_ingest_readings_stored_total")
    let duplicates = Counter(label: "voltline_ingest_store_duplicates_total")
    let undecodable = Counter(label: "voltline_ingest_store_undecodable_total")

    func apply(_ messages: [KafkaMessage], in transaction: PostgresConnection) async throws {
        try await transaction.execute(
            """
            CREATE TEMP TABLE IF NOT EXISTS readings_stage
            (LIKE readings INCLUDING DEFAULTS) ON COMMIT DELETE ROWS
            """)
        var rows: [[any PostgresEncodable]] = []
        rows.reserveCapacity(messages.count)
        for message in messages {
            do {
                rows.append(Self.row(try ReadingCodec.decode(message.value), receivedAt: Self.receivedAt(message)))
            } catch {
                // Only our own ingest writes this topic; a message it cannot read is a bug worth a loud log.
                undecodable.increment()
                logger.error(
                    "undecodable reading on Kafka",
                    metadata: ["kafka.partition": "\(message.topicPartition)", "kafka.offset": "\(message.offset)"])
            }
        }
        guard !rows.isEmpty else { return }
        try await transaction.copy(into: PostgresIdentifier("readings_stage"), columns: Self.columns, rows: rows)
        let columnList = Self.columns.joined(separator: ", ")
        let inserted = try await transaction.execute(
            PostgresQuery(
                stringLiteral: """
                    INSERT INTO readings (\(columnList)) SELECT \(columnList) FROM readings_stage
                    ON CONFLICT (device_id, ts) DO NOTHING
                    """))
        stored.increment(by: inserted)
        duplicates.increment(by: rows.count - inserted)
    }

    private static func receivedAt(_ message: KafkaMessage) -> Date {
        let header = message.headers.first { $0.key == "received_at" }?.value
        let millis = header.flatMap { Int64(String(decoding: $0, as: UTF8.self)) }
        return millis.map { Date(timeIntervalSince1970: Double($0) / 1000) } ?? Date()
    }

    private static func row(_ reading: Reading, receivedAt: Date) -> [any PostgresEncodable] {
        let time = Date(timeIntervalSince1970: Double(reading.timeMillis) / 1000)
        let sequence = reading.sequence.map { Int64(clamping: $0) }
        switch reading.metrics {
        case .machine(let m):
            return [
                reading.deviceID, time, sequence, reading.kind.rawValue, m.activePowerKW, m.reactivePowerKVAR,
                m.powerFactor, m.energyKWh, m.voltageV, m.currentA, Double?.none, Double?.none, Double?.none,
                Double?.none, Double?.none, Double?.none, receivedAt,
            ]
        case .batteryPack(let p):
            return [
                reading.deviceID, time, sequence, reading.kind.rawValue, Double?.none, Double?.none, Double?.none,
                Double?.none, p.voltageV, p.currentA, p.temperatureC, p.stateOfChargePercent, p.cellVoltageMinV,
                p.cellVoltageMaxV, p.cellTemperatureMinC, p.cellTemperatureMaxC, receivedAt,
            ]
        }
    }
}
