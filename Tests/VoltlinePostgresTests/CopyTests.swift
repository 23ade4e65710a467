import Foundation
import Testing
import VoltlinePostgres

@Suite("COPY FROM STDIN")
struct CopyTests {
    static let rowCount = 1_000_000
    static let baseSeconds = 1_700_000_000

    /// Row `id` of the load; the SQL checks below spell the same formulas.
    static func row(_ id: Int) -> (id: Int, note: String?, reading: Double?, at: Date, ok: Bool) {
        let note = id % 10 == 0 ? nil : "dev-\(id % 100)\t\"q\"\\x\n\r☃ \(id)"
        let reading = id % 13 == 0 ? nil : Double(id) * 0.001
        // Built from whole microseconds, as the decoder builds it, so equal instants compare equal.
        let at = Date(timeIntervalSince1970: Double(baseSeconds * 1_000_000 + id * 1_234_567) / 1_000_000)
        return (id, note, reading, at, id % 3 == 0)
    }

    @Test("a million rows with escapes, NULLs, doubles and timestamps read back exactly", .timeLimit(.minutes(5)))
    func millionRows() async throws {
        try await TestDatabase.withSchema { connection, schema in
            try await connection.execute(
                "CREATE TABLE samples (id bigint, note text, reading double precision, at timestamptz, ok boolean)")
            let rows = (0..<Self.rowCount).lazy.map { id -> [any PostgresEncodable] in
                let row = Self.row(id)
                return [row.id, row.note, row.reading, row.at, row.ok]
            }
            let copied = try await connection.copy(
                into: PostgresIdentifier(schema.parts[0], "samples"), columns: ["id", "note", "reading", "at", "ok"],
                rows: rows)
            #expect(copied == Self.rowCount)

            var expectedNotes = 0
            var expectedNoteLength = 0
            var expectedReadingSum = 0.0
            for id in 0..<Self.rowCount {
                let row = Self.row(id)
                if let note = row.note {
                    expectedNotes += 1
                    expectedNoteLength += note.unicodeScalars.count
                }
                expectedReadingSum += row.reading ?? 0
            }
            let aggregates = try #require(
                try await connection.query(
                    """
                    SELECT count(*), count(note), sum(length(note)), sum(id), sum(reading),
                        count(*) FILTER (WHERE note IS DISTINCT FROM CASE WHEN id % 10 = 0 THEN NULL
                            ELSE 'dev-' || id % 100 || E'\\t"q"\\\\x\\n\\r☃ ' || id END),
                        count(*) FILTER (WHERE reading IS DISTINCT FROM CASE WHEN id % 13 = 0 THEN NULL
                            ELSE id::float8 * 0.001::float8 END),
                        count(*) FILTER (
                            WHERE at <> to_timestamp(\(Self.baseSeconds)) + id * 1234567 * interval '1 us'),
                        count(*) FILTER (WHERE ok <> (id % 3 = 0))
                    FROM samples
                    """
                ).first)
            #expect(try aggregates.decode(Int.self, at: 0) == Self.rowCount)
            #expect(try aggregates.decode(Int.self, at: 1) == expectedNotes)
            #expect(try aggregates.decode(Int.self, at: 2) == expectedNoteLength)
            #expect(try aggregates.decode(Double.self, at: 3) == Double(Self.rowCount * (Self.rowCount - 1) / 2))
            let readingSum = try aggregates.decode(Double.self, at: 4)
            #expect(abs(readingSum - expectedReadingSum) <= expectedReadingSum * 1e-12)
            for mismatchColumn in 5...8 {
                #expect(try aggregates.decode(Int.self, at: mismatchColumn) == 0, "column \(mismatchColumn)")
            }

            for id in [0, 1, 2, 10, 13, 39, 65_521, Self.rowCount - 1] {
                let row = try #require(
                    try await connection.query("SELECT id, note, reading, at, ok FROM samples WHERE id = \(id)").first)
                let expected = Self.row(id)
                #expect(try row.decode(Int.self, named: "id") == expected.id)
                #expect(try row.decode(String?.self, named: "note") == expected.note)
                #expect(try row.decode(Double?.self, named: "reading") == expected.reading)
                #expect(try row.decode(Date.self, named: "at") == expected.at)
                #expect(try row.decode(Bool.self, named: "ok") == expected.ok)
            }
        }
    }

    @Test("a failed COPY loads nothing and leaves the connection usable", .timeLimit(.minutes(3)))
    func failedCopy() async throws {
        try await TestDatabase.withSchema { connection, schema in
            try await connection.execute("CREATE TABLE ids (id integer PRIMARY KEY)")
            let rows: [[any PostgresEncodable]] = [[1], [2], [1]]
            let error = await #expect(throws: PostgresError.self) {
                try await connection.copy(into: PostgresIdentifier(schema.parts[0], "ids"), columns: ["id"], rows: rows)
            }
            #expect(error?.sqlState == "23505")
            let count = try await connection.query("SELECT count(*) FROM ids")
            #expect(try count[0].decode(Int.self, at: 0) == 0)
        }
    }
}
