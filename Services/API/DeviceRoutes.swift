import Foundation
import Hummingbird
import VoltlineDomain
import VoltlinePostgres

/// `/api/v1/devices...` and `/api/v1/latest`: the device registry and each device's time series.
struct DeviceRoutes: Sendable {
    let pool: PostgresPool
    /// How far back `/latest` looks.
    let latestWindow: Duration

    /// Adds the routes to `group` (mounted at `/api/v1`).
    func register(on group: RouterGroup<APIRequestContext>) {
        group.get("devices") { request, _ in try await listDevices(QueryParameters(request)) }
        group.get("devices/:id") { _, context in try await device(try deviceID(context)) }
        group.get("devices/:id/readings") { request, context in
            try await readings(try deviceID(context), QueryParameters(request))
        }
        group.get("devices/:id/features") { request, context in
            try await features(try deviceID(context), QueryParameters(request))
        }
        group.get("devices/:id/energy") { request, context in
            try await energy(try deviceID(context), QueryParameters(request))
        }
        group.get("latest") { _, _ in try await latest() }
    }

    /// Devices ordered by id, filtered by `kind` and `site`; paged with `limit` and `after` (a device id).
    private func listDevices(_ query: QueryParameters) async throws -> Page<DeviceJSON> {
        let kind = try query.oneOf("kind", DeviceKind.allCases.map(\.rawValue))
        let site = query.string("site")
        let after = query.string("after") ?? ""
        let limit = try query.limit()
        let rows = try await pool.withConnection { connection in
            try await connection.query(
                """
                SELECT * FROM devices
                WHERE (\(kind)::text IS NULL OR kind = \(kind)) AND (\(site)::text IS NULL OR site = \(site))
                  AND device_id > \(after)
                ORDER BY device_id LIMIT \(limit)
                """)
        }
        let devices = try rows.map(DeviceJSON.init(row:))
        return Page(items: devices, nextAfter: devices.count == limit ? devices.last?.deviceID : nil)
    }

    /// One device with its latest reading.
    private func device(_ id: String) async throws -> DeviceDetailJSON {
        try await pool.withConnection { connection in
            guard let row = try await connection.query("SELECT * FROM devices WHERE device_id = \(id)").first else {
                throw HTTPError(.notFound, message: "no device \"\(id)\"")
            }
            let latest = try await connection.query(
                "SELECT * FROM readings WHERE device_id = \(id) ORDER BY ts DESC LIMIT 1")
            return DeviceDetailJSON(device: try DeviceJSON(row: row), latestReading: try latest.first.map(ReadingJSON.init))
        }
    }

    /// Readings of a device in [`from`, `to`), ascending.
    private func readings(_ id: String, _ query: QueryParameters) async throws -> Page<ReadingJSON> {
        let range = try query.timeRange()
        let limit = try query.limit()
        let rows = try await pool.withConnection { connection in
            try await connection.query(
                """
                SELECT * FROM readings
                WHERE device_id = \(id) AND ts >= \(range.lowerBound) AND ts < \(range.upperBound)
                ORDER BY ts LIMIT \(limit)
                """)
        }
        return .timeSeries(try rows.map(ReadingJSON.init(row:)), limit: limit) { $0.ts }
    }

    /// One-minute feature windows of a device starting in [`from`, `to`), ascending.
    private func features(_ id: String, _ query: QueryParameters) async throws -> Page<FeatureJSON> {
        let range = try query.timeRange()
        let limit = try query.limit(default: QueryParameters.maximumLimit)
        let rows = try await pool.withConnection { connection in
            try await connection.query(
                """
                SELECT * FROM features_1m
                WHERE device_id = \(id) AND window_start >= \(range.lowerBound) AND window_start < \(range.upperBound)
                ORDER BY window_start LIMIT \(limit)
                """)
        }
        return .timeSeries(try rows.map(FeatureJSON.init(row:)), limit: limit) { $0.windowStart }
    }

    /// 15-minute energy intervals of a device starting in [`from`, `to`), ascending.
    private func energy(_ id: String, _ query: QueryParameters) async throws -> Page<EnergyJSON> {
        let range = try query.timeRange(defaultSpan: .seconds(86_400))
        let limit = try query.limit(default: QueryParameters.maximumLimit)
        let rows = try await pool.withConnection { connection in
            try await connection.query(
                """
                SELECT * FROM energy_15m
                WHERE device_id = \(id) AND interval_start >= \(range.lowerBound)
                  AND interval_start < \(range.upperBound)
                ORDER BY interval_start LIMIT \(limit)
                """)
        }
        return .timeSeries(try rows.map(EnergyJSON.init(row:)), limit: limit) { $0.intervalStart }
    }

    /// The latest reading of every device that reported within ``latestWindow``, by device id.
    private func latest() async throws -> Page<ReadingJSON> {
        let since = Date().addingTimeInterval(-Double(latestWindow.components.seconds))
        let rows = try await pool.withConnection { connection in
            try await connection.query(
                "SELECT DISTINCT ON (device_id) * FROM readings WHERE ts >= \(since) ORDER BY device_id, ts DESC")
        }
        return Page(items: try rows.map(ReadingJSON.init(row:)))
    }

    private func deviceID(_ context: APIRequestContext) throws -> String {
        let id = try context.parameters.require("id")
        guard DeviceID.isValid(id) else {
            throw HTTPError(.badRequest, message: "device id must be 1-128 characters from [A-Za-z0-9._-]; got \"\(id)\"")
        }
        return id
    }
}
