import Testing
import VoltlinePostgres

@Suite("Transactions")
struct TransactionTests {
    struct BodyFailed: Error {}

    @Test("a rolled-back transaction leaves nothing, a committed one leaves its rows", .timeLimit(.minutes(3)))
    func rollbackAndCommit() async throws {
        try await TestDatabase.withSchema { connection, _ in
            try await connection.execute("CREATE TABLE readings (id integer, watts double precision)")
            await #expect(throws: BodyFailed.self) {
                try await connection.withTransaction { connection in
                    try await connection.execute("INSERT INTO readings VALUES (1, 10.5), (2, 11.5)")
                    throw BodyFailed()
                }
            }
            #expect(try await Self.count(on: connection) == 0)

            let inserted = try await connection.withTransaction { connection in
                try await connection.execute("INSERT INTO readings VALUES (\(Int32(3)), \(12.5)), (4, 13.5)")
            }
            #expect(inserted == 2)
            #expect(try await Self.count(on: connection) == 2)
            #expect(await connection.isReadyForUse)
        }
    }

    @Test("a server error inside the body rolls back and keeps the connection usable", .timeLimit(.minutes(3)))
    func serverErrorRollsBack() async throws {
        try await TestDatabase.withSchema { connection, _ in
            try await connection.execute("CREATE TABLE readings (id integer PRIMARY KEY)")
            let error = await #expect(throws: PostgresError.self) {
                try await connection.withTransaction { connection in
                    try await connection.execute("INSERT INTO readings VALUES (1)")
                    try await connection.execute("INSERT INTO readings VALUES (1)")
                }
            }
            #expect(error?.sqlState == "23505")
            #expect(try await Self.count(on: connection) == 0)
        }
    }

    static func count(on connection: PostgresConnection) async throws -> Int {
        try await connection.query("SELECT count(*) FROM readings")[0].decode(Int.self, at: 0)
    }
}
