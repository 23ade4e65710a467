import Foundation
import HummingbirdTesting
import Testing

@Suite("API REST", .timeLimit(.minutes(2)))
struct RESTTests {
    @Test func listsDevicesWithFiltersAndPages() async throws {
        try await withAPI { client, db, _ in
            try await Fixtures.insertDevices(db)
            try await client.execute(uri: "/api/v1/devices?kind=machine", method: .get) { response in
                #expect(response.status == .ok)
                let page = try decode(PageShape<DeviceShape>.self, from: response)
                #expect(page.items.map(\.deviceId) == ["press-01", "press-02"])
            }
            try await client.execute(uri: "/api/v1/devices?site=north", method: .get) { response in
                let page = try decode(PageShape<DeviceShape>.self, from: response)
                #expect(page.items.map(\.deviceId) == ["pack-01", "press-01"])
            }
            try await client.execute(uri: "/api/v1/devices?limit=2", method: .get) { response in
                let page = try decode(PageShape<DeviceShape>.self, from: response)
                #expect(page.items.map(\.deviceId) == ["pack-01", "press-01"])
                #expect(page.nextAfter == "press-01")
            }
            try await client.execute(uri: "/api/v1/devices?limit=2&after=press-01", method: .get) { response in
                let page = try decode(PageShape<DeviceShape>.self, from: response)
                #expect(page.items.map(\.deviceId) == ["press-02"])
                #expect(page.nextAfter == nil)
            }
            try await client.execute(uri: "/api/v1/devices?kind=robot", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(text(response).contains("kind must be one of"))
            }
        }
    }

    @Test func showsOneDeviceWithItsLatestReadingAnd404() async throws {
        try await withAPI { client, db, _ in
            try await Fixtures.insertDevices(db)
            try await Fixtures.insertReadings(db, count: 3)
            try await client.execute(uri: "/api/v1/devices/press-01", method: .get) { response in
                let detail = try decode(DeviceDetailShape.self, from: response)
                #expect(detail.device.site == "north")
                #expect(detail.latestReading?.activePowerKw == 12)
            }
            try await client.execute(uri: "/api/v1/devices/nope", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func pagesReadingsInATimeRange() async throws {
        try await withAPI { client, db, _ in
            try await Fixtures.insertDevices(db)
            try await Fixtures.insertReadings(db, count: 5)
            let from = Int64(Fixtures.start.timeIntervalSince1970 * 1000)
            let path = "/api/v1/devices/press-01/readings"
            let next = try await client.execute(uri: "\(path)?from=\(from)&to=\(from + 4000)&limit=2", method: .get) {
                response in
                let page = try decode(PageShape<ReadingShape>.self, from: response)
                #expect(page.items.map(\.activePowerKw) == [10, 11])
                return page.nextFrom
            }
            let cursor = try #require(next)
            try await client.execute(uri: "\(path)?from=\(cursor)&to=\(from + 4000)&limit=2", method: .get) { response in
                let page = try decode(PageShape<ReadingShape>.self, from: response)
                #expect(page.items.map(\.activePowerKw) == [12, 13])
            }
            let iso = ISO8601DateFormatter().string(from: Fixtures.start.addingTimeInterval(3))
            try await client.execute(uri: "\(path)?from=\(iso)&to=\(from + 10_000)", method: .get) { response in
                let page = try decode(PageShape<ReadingShape>.self, from: response)
                #expect(page.items.map(\.activePowerKw) == [13, 14])
                #expect(page.nextFrom == nil)
            }
        }
    }

    @Test(arguments: [
        ("from=yesterday", "from must be epoch milliseconds or an ISO 8601 time"),
        ("limit=1001", "limit must be an integer from 1 to 1000"),
        ("limit=0", "limit must be an integer from 1 to 1000"),
        ("from=2000&to=1000", "from must be before to"),
    ])
    func refusesBadParameters(query: String, message: String) async throws {
        try await withAPI { client, _, _ in
            try await client.execute(uri: "/api/v1/devices/press-01/readings?\(query)", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(text(response).contains(message))
            }
        }
    }

    @Test func latestHasOneReadingPerDevice() async throws {
        try await withAPI { client, db, _ in
            try await Fixtures.insertDevices(db)
            try await Fixtures.insertReadings(db, count: 3)
            try await client.execute(uri: "/api/v1/latest", method: .get) { response in
                let page = try decode(PageShape<ReadingShape>.self, from: response)
                #expect(page.items.map(\.deviceId) == ["pack-01", "press-01"])
                #expect(page.items.last?.activePowerKw == 12)
            }
        }
    }

    @Test func groupsCosts() async throws {
        try await withAPI { client, db, _ in
            let t = Fixtures.start
            try await db.execute(
                """
                INSERT INTO energy_costs (device_id, interval_start, site, line, tariff, period, energy_kwh, price_per_kwh, cost)
                VALUES ('press-01', \(t), 'north', 'l1', 'tou', 'peak', 10, 0.3, 3),
                       ('press-02', \(t), 'south', 'l2', 'tou', 'peak', 4, 0.3, 1.2),
                       ('press-01', \(t.addingTimeInterval(900)), 'north', 'l1', 'tou', 'offpeak', 10, 0.1, 1)
                """)
            let from = Int64(t.timeIntervalSince1970 * 1000)
            try await client.execute(uri: "/api/v1/costs?from=\(from)&to=\(from + 3_600_000)&group_by=site", method: .get)
            { response in
                let report = try decode(CostShape.self, from: response)
                #expect(report.groups.map(\.key) == ["north", "south"])
                #expect(report.groups.map(\.energyKwh) == [20, 4])
            }
            try await client.execute(uri: "/api/v1/costs?group_by=planet", method: .get) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func reportsStatusAndOpsEndpoints() async throws {
        try await withAPI { client, db, _ in
            try await Fixtures.insertDevices(db)
            _ = try await Fixtures.insertAlert(db, device: "pack-01", rule: "pack.over_temperature", level: "danger", state: "active")
            try await client.execute(uri: "/api/v1/status", method: .get) { response in
                let status = try decode(StatusShape.self, from: response)
                #expect(status.database.reachable)
                #expect(status.devices == 3)
                #expect(status.openAlerts?["danger"] == 1)
            }
            try await client.execute(uri: "/healthz", method: .get) { response in #expect(response.status == .ok) }
            try await client.execute(uri: "/metrics", method: .get) { response in #expect(response.status == .ok) }
        }
    }
}
