import Foundation
import Testing
import VoltlinePostgres

@Suite("Bad input")
struct ErrorTests {
    @Test("an unreachable server fails quickly with connectionFailed", .timeLimit(.minutes(3)))
    func unreachable() async throws {
        // Port 1 on loopback is closed: the kernel refuses at once.
        var configuration = try PostgresConfiguration(url: "postgresql://voltline:voltline@127.0.0.1:1/voltline")
        configuration.connectTimeout = .seconds(5)
        let started = ContinuousClock.now
        let error = await #expect(throws: PostgresError.self) {
            try await PostgresConnection.connect(configuration: configuration, logger: TestDatabase.logger)
        }
        #expect(error?.code == .connectionFailed)
        #expect(error?.isRetriable == true)
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test("a wrong password is authenticationFailed with SQLSTATE 28P01", .timeLimit(.minutes(3)))
    func wrongPassword() async throws {
        let good = try TestDatabase.configuration()
        let user = try #require(good.parameter("user"))
        let url = "postgresql://\(user):not-the-password@\(good.parameter("host") ?? "127.0.0.1"):"
            + "\(good.parameter("port") ?? "5432")/\(good.parameter("dbname") ?? user)"
        let error = await #expect(throws: PostgresError.self) {
            try await PostgresConnection.connect(
                configuration: PostgresConfiguration(url: url), logger: TestDatabase.logger)
        }
        #expect(error?.code == .authenticationFailed)
        #expect(error?.sqlState == "28P01")
        #expect(error.map { !"\($0)".contains("not-the-password") } == true)
    }

    @Test("a malformed URL is invalidURL with libpq's message")
    func malformedURL() throws {
        let error = #expect(throws: PostgresError.self) {
            try PostgresConfiguration(url: "postgresql://voltline:secret@[::1/voltline")
        }
        #expect(error?.code == .invalidURL)
        #expect(error?.message.contains("IPv6") == true)
        #expect(error?.function == "PQconninfoParse")
        let badParameter = #expect(throws: PostgresError.self) {
            try PostgresConfiguration(url: "postgresql://127.0.0.1/voltline?no_such_option=1")
        }
        #expect(badParameter?.message.contains("no_such_option") == true)
    }

    @Test("the configuration never prints the password")
    func configurationDescription() throws {
        let configuration = try PostgresConfiguration(url: "postgresql://voltline:s3cret@db.example:5433/energy")
        #expect("\(configuration)" == "voltline@db.example:5433/energy")
        #expect(configuration.parameter("password") == nil)
    }

    @Test("a syntax error is SQLSTATE 42601 without SQL text in the description", .timeLimit(.minutes(3)))
    func syntaxError() async throws {
        try await TestDatabase.withConnection { connection in
            let error = await #expect(throws: PostgresError.self) {
                try await connection.query("SELEKT \("secret-bind-value")")
            }
            #expect(error?.code == .server)
            #expect(error?.sqlState == "42601")
            #expect(error?.function == "PQexecParams")
            #expect(error?.file == "VoltlinePostgresTests/ErrorTests.swift")
            #expect(error?.isRetriable == false)
            #expect(error.map { !"\($0)".contains("secret-bind-value") } == true)
            // The connection stays usable after a statement error.
            let one = try await connection.query("SELECT 1")
            #expect(try one[0].decode(Int.self, at: 0) == 1)
        }
    }
}
