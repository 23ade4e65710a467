import Foundation
import Logging
import VoltlinePostgres

/// PostgreSQL bulk load: ``PostgresConnection/copy(into:columns:rows:)`` against `psql -c "\copy … FROM file"`,
/// R rows of (bigint, timestamptz, double precision, text), each into its own fresh table.
///
/// Both timings include opening a connection, so they cover the same work: ours encodes the Swift values
/// while streaming, psql reads the TSV file written beforehand (untimed) from the same values.
struct PostgresCopyBenchmark {
    let databaseURL: String
    let rows: Int
    let runID: String
    let directory: URL
    let logger: Logger

    private let columns = ["id", "at", "value", "device"]

    func run() async throws -> [BenchRow] {
        PeakMemory.reset()
        let configuration = try PostgresConfiguration(url: databaseURL)
        let admin = try await PostgresConnection.connect(configuration: configuration, logger: logger)
        let oursTable = "bench_copy_\(runID)_ours"
        let toolTable = "bench_copy_\(runID)_tool"
        do {
            for table in [oursTable, toolTable] {
                try await admin.execute(
                    """
                    CREATE TABLE \(PostgresIdentifier(table)) \
                    (id bigint NOT NULL, at timestamptz NOT NULL, value double precision NOT NULL, device text NOT NULL)
                    """)
            }
            // The same text COPY sends over the wire, so its size is the byte count of both runs.
            let file = try writeRows()
            let bytes = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0
            let ours = try await runOurs(configuration: configuration, table: oursTable, bytes: bytes, admin: admin)
            let peak = PeakMemory.peakBytes()
            let tool = try await runTool(table: toolTable, file: file, bytes: bytes, admin: admin)
            try await dropTables([oursTable, toolTable], admin: admin)
            await admin.close()
            return [BenchRow(scenario: "postgres COPY", unit: "row", ours: ours, tool: tool, peakRSSBytes: peak)]
        } catch {
            try? await dropTables([oursTable, toolTable], admin: admin)
            await admin.close()
            throw error
        }
    }

    /// Row `index` of the data set; the same values go into the TSV file for psql.
    private static func row(_ index: Int, devices: [String]) -> [any PostgresEncodable] {
        let at = Date(timeIntervalSince1970: 1_750_000_000 + Double(index) / 1000)
        return [Int64(index), at, Double(index) * 0.25 + 0.1, devices[index % devices.count]]
    }

    private static let devices = (0..<100).map { "device-\(String(format: "%03d", $0))" }

    private func runOurs(
        configuration: PostgresConfiguration, table: String, bytes: Int, admin: PostgresConnection
    ) async throws -> Measurement {
        let devices = Self.devices
        let start = ContinuousClock.now
        let connection = try await PostgresConnection.connect(configuration: configuration, logger: logger)
        let copied = try await connection.copy(
            into: PostgresIdentifier(table), columns: columns,
            rows: (0..<rows).lazy.map { Self.row($0, devices: devices) })
        let elapsed = ContinuousClock.now - start
        await connection.close()
        let counted = try await count(table, admin: admin)
        guard copied == counted else { throw BenchFailure("COPY reported \(copied) rows, table holds \(counted)") }
        return Measurement(
            name: "PostgresConnection.copy", expected: rows, delivered: counted, bytes: bytes, elapsed: elapsed)
    }

    /// Writes the rows as COPY text (tab-separated, the values' own `postgresText`) for psql.
    private func writeRows() throws -> URL {
        let file = directory.appendingPathComponent("copy-rows.tsv")
        let devices = Self.devices
        try BenchData.writeLines(count: rows, to: file) { index, buffer in
            for (column, value) in Self.row(index, devices: devices).enumerated() {
                if column > 0 { buffer.append(UInt8(ascii: "\t")) }
                // No value holds a tab, newline or backslash, so nothing needs escaping.
                buffer.append(contentsOf: (value.postgresText ?? "\\N").utf8)
            }
        }
        return file
    }

    private func runTool(table: String, file: URL, bytes: Int, admin: PostgresConnection) async throws -> Measurement {
        let columnList = columns.joined(separator: ", ")
        let psql = try ToolProcess(
            "psql",
            [
                databaseURL, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c",
                "\\copy \(table) (\(columnList)) FROM '\(file.path)'",
            ])
        let start = ContinuousClock.now
        try psql.start()
        let exit = await psql.waitForExit(limit: .seconds(600))
        guard exit.status == 0, !exit.timedOut else { throw ToolFailure(tool: "psql", status: exit.status) }
        let counted = try await count(table, admin: admin)
        return Measurement(
            name: "psql \\copy", expected: rows, delivered: counted, bytes: bytes, elapsed: exit.instant - start)
    }

    private func count(_ table: String, admin: PostgresConnection) async throws -> Int {
        let result = try await admin.query("SELECT count(*) FROM \(PostgresIdentifier(table))")
        return Int(try result[0].decode(Int64.self, at: 0))
    }

    private func dropTables(_ tables: [String], admin: PostgresConnection) async throws {
        for table in tables {
            try await admin.execute("DROP TABLE IF EXISTS \(PostgresIdentifier(table))")
        }
    }
}
