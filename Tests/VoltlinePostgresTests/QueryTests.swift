import Foundation
import Testing
import VoltlinePostgres

@Suite("Parameterized queries")
struct QueryTests {
    @Test("every supported type round-trips, including NULL", .timeLimit(.minutes(3)))
    func roundTrip() async throws {
        try await TestDatabase.withConnection { connection in
        let date = Date(timeIntervalSince1970: 1_717_171_717.123456)
        let uuid = UUID()
        let bytes: [UInt8] = [0, 1, 9, 10, 92, 127, 128, 255]
        let text = "tab\there, newline\nthere, backslash \\ and ünïcødé ☃"
        let row = try #require(
            try await connection.query(
                """
                SELECT \(42) AS int, \(Int32.min) AS int32, \(Int64.max) AS int64, \(-1.5e-300) AS double,
                    \(true) AS bool, \(text) AS text, \(bytes) AS bytes, \(date) AS date, \(uuid) AS uuid,
                    \(String?.none) AS null_text, \(Int?.none) AS null_int, \(Double.infinity) AS infinity
                """
            ).first)
        #expect(try row.decode(Int.self, named: "int") == 42)
        #expect(try row.decode(Int32.self, named: "int32") == Int32.min)
        #expect(try row.decode(Int64.self, named: "int64") == Int64.max)
        #expect(try row.decode(Double.self, named: "double") == -1.5e-300)
        #expect(try row.decode(Bool.self, named: "bool"))
        #expect(try row.decode(String.self, named: "text") == text)
        #expect(try row.decode([UInt8].self, named: "bytes") == bytes)
        let decodedDate = try row.decode(Date.self, named: "date")
        #expect(abs(decodedDate.timeIntervalSince(date)) < 0.000_001)
        #expect(try row.decode(UUID.self, named: "uuid") == uuid)
        #expect(try row.decode(String?.self, named: "null_text") == nil)
        #expect(try row.decode(Int?.self, named: "null_int") == nil)
        #expect(try row.decode(Double.self, named: "infinity") == .infinity)
        #expect(try row.decode(Int?.self, at: 0) == 42)
        }
    }

    @Test("quotes and semicolons in values stay data", .timeLimit(.minutes(3)))
    func injectionStaysData() async throws {
        try await TestDatabase.withSchema { connection, schema in
            try await connection.execute("CREATE TABLE students (name text)")
            let attack = "Robert'); DROP TABLE students; --\" $1 \\' ;"
            #expect(try await connection.execute("INSERT INTO students (name) VALUES (\(attack))") == 1)
            let stored = try await connection.query("SELECT name FROM students WHERE name = \(attack)")
            #expect(stored.count == 1)
            #expect(try stored[0].decode(String.self, at: 0) == attack)

            let oddTable = PostgresIdentifier(schema.parts[0], "we\"ird; table")
            try await connection.execute("CREATE TABLE \(oddTable) (id integer)")
            #expect(try await connection.execute("INSERT INTO \(oddTable) VALUES (1), (2)") == 2)
            let tables = try await connection.query(
                "SELECT count(*) FROM pg_tables WHERE schemaname = \(schema.parts[0])")
            #expect(try tables[0].decode(Int.self, at: 0) == 2)
        }
    }

    @Test("decoding the wrong type or NULL into a non-optional is a clear error", .timeLimit(.minutes(3)))
    func decodeErrors() async throws {
        try await TestDatabase.withConnection { connection in
        let row = try #require(try await connection.query("SELECT 'abc'::text AS label, NULL::int AS missing").first)
        let mismatch = #expect(throws: PostgresError.self) { try row.decode(Int.self, named: "label") }
        #expect(mismatch?.code == .typeMismatch)
        #expect(mismatch?.message.contains("label") == true)
        let null = #expect(throws: PostgresError.self) { try row.decode(Int.self, named: "missing") }
        #expect(null?.code == .unexpectedNull)
        let unknown = #expect(throws: PostgresError.self) { try row.decode(Int.self, named: "nope") }
        #expect(unknown?.code == .columnNotFound)
        }
    }
}
