import Foundation
import HummingbirdTesting
import NIOCore
import Testing

@Suite("API alerts", .timeLimit(.minutes(2)))
struct AlertRouteTests {
    @Test func listsNewestFirstWithFiltersAndCursor() async throws {
        try await withAPI { client, db, _ in
            let first = try await Fixtures.insertAlert(db, device: "press-01", rule: "a", level: "warning", state: "active")
            let second = try await Fixtures.insertAlert(db, device: "pack-01", rule: "b", level: "danger", state: "active")
            let third = try await Fixtures.insertAlert(db, device: "pack-01", rule: "c", level: "danger", state: "resolved")
            try await client.execute(uri: "/api/v1/alerts?limit=2", method: .get) { response in
                let page = try decode(PageShape<AlertShape>.self, from: response)
                #expect(page.items.map(\.id) == [third, second])
                #expect(page.nextBeforeId == second)
            }
            try await client.execute(uri: "/api/v1/alerts?limit=2&before_id=\(second)", method: .get) { response in
                let page = try decode(PageShape<AlertShape>.self, from: response)
                #expect(page.items.map(\.id) == [first])
            }
            try await client.execute(uri: "/api/v1/alerts?state=active&device=pack-01&level=danger", method: .get) {
                response in
                let page = try decode(PageShape<AlertShape>.self, from: response)
                #expect(page.items.map(\.id) == [second])
            }
            try await client.execute(uri: "/api/v1/alerts?state=open", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func acknowledgesThenResolvesAndRefusesWhatIsNotAllowed() async throws {
        try await withAPI { client, db, _ in
            let id = try await Fixtures.insertAlert(db, device: "pack-01", rule: "b", level: "danger", state: "active")
            let body = ByteBuffer(string: #"{"actor":"ana","note":"on it"}"#)
            try await client.execute(uri: "/api/v1/alerts/\(id)/acknowledge", method: .post, body: body) { response in
                #expect(response.status == .ok)
                let alert = try decode(AlertShape.self, from: response)
                #expect(alert.state == "acknowledged")
                #expect(alert.acknowledgedBy == "ana")
            }
            try await client.execute(uri: "/api/v1/alerts/\(id)/acknowledge", method: .post, body: body) { response in
                #expect(response.status == .conflict)
            }
            try await client.execute(uri: "/api/v1/alerts/\(id)/resolve", method: .post, body: body) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/v1/alerts/\(id)/resolve", method: .post, body: body) { response in
                #expect(response.status == .conflict)
            }
            try await client.execute(uri: "/api/v1/alerts/\(id)", method: .get) { response in
                let alert = try decode(AlertShape.self, from: response)
                #expect(alert.events?.map(\.event) == ["raised", "acknowledged", "resolved"])
                #expect(alert.events?.last?.note == "on it")
            }
            try await client.execute(uri: "/api/v1/alerts/99999/resolve", method: .post, body: body) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/v1/alerts/99999", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(
                uri: "/api/v1/alerts/\(id)/resolve", method: .post, body: ByteBuffer(string: #"{"actor":""}"#)
            ) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}
