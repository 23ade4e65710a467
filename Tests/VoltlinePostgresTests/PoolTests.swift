import Foundation
import Synchronization
import Testing
import VoltlinePostgres

@Suite("Connection pool")
struct PoolTests {
    @Test("concurrent callers share at most maxConnections connections", .timeLimit(.minutes(3)))
    func bounded() async throws {
        var configuration = try TestDatabase.configuration()
        configuration.applicationName = "pool-\(UUID().uuidString.prefix(8))"
        let applicationName = configuration.applicationName
        let pool = PostgresPool(configuration: configuration, maxConnections: 3, logger: TestDatabase.logger)
        let inUse = ConcurrencyGauge()
        let backends = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<20 {
                group.addTask {
                    try await pool.withConnection { connection in
                        inUse.enter()
                        defer { inUse.leave() }
                        let rows = try await connection.query(
                            """
                            SELECT count(*) FROM pg_stat_activity, pg_sleep(0.02)
                            WHERE application_name = \(applicationName) AND \(task) >= 0
                            """)
                        return try rows[0].decode(Int.self, at: 0)
                    }
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(backends.count == 20)
        #expect(backends.allSatisfy { (1...3).contains($0) })
        #expect(inUse.peak == 3)
        await pool.close()
        await #expect(throws: PostgresError.self) { try await pool.withConnection { _ in } }
    }

    @Test("a connection terminated by the server is replaced on the next call", .timeLimit(.minutes(3)))
    func terminatedConnectionIsReplaced() async throws {
        let pool = PostgresPool(
            configuration: try TestDatabase.configuration(), maxConnections: 1, logger: TestDatabase.logger)
        let firstPID = try await Self.backendPID(pool)
        try await TestDatabase.withConnection { admin in
            let terminated = try await admin.query("SELECT pg_terminate_backend(\(Int32(firstPID)), 5000)")
            #expect(try terminated[0].decode(Bool.self, at: 0))
        }
        let secondPID = try await Self.backendPID(pool)
        #expect(secondPID != firstPID)
        #expect(try await Self.backendPID(pool) == secondPID)
        await pool.close()
    }

    @Test("a connection lost in the middle of a call is discarded, the next call gets a new one",
          .timeLimit(.minutes(3)))
    func lostDuringUse() async throws {
        let pool = PostgresPool(
            configuration: try TestDatabase.configuration(), maxConnections: 1, logger: TestDatabase.logger)
        let error = await #expect(throws: PostgresError.self) {
            try await pool.withConnection { connection in
                try await connection.execute("SELECT pg_terminate_backend(pg_backend_pid())")
            }
        }
        #expect(error?.code == .connectionLost)
        #expect(error?.isRetriable == true)
        #expect(try await Self.backendPID(pool) > 0)
        await pool.close()
    }

    static func backendPID(_ pool: PostgresPool) async throws -> Int {
        try await pool.withConnection { connection in
            try await connection.query("SELECT pg_backend_pid()")[0].decode(Int.self, at: 0)
        }
    }
}

/// Counts how many callers are inside a section at once, and the most there ever were.
final class ConcurrencyGauge: Sendable {
    private let state = Mutex((current: 0, peak: 0))

    func enter() {
        state.withLock {
            $0.current += 1
            $0.peak = max($0.peak, $0.current)
        }
    }

    func leave() { state.withLock { $0.current -= 1 } }

    var peak: Int { state.withLock { $0.peak } }
}
