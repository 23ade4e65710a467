import Foundation
import Hummingbird
import VoltlineDomain
import VoltlinePostgres

/// `/api/v1/batteries...`: each pack's state of health, remaining life, thermal-runaway risk and charge cycles
/// (tables and views of migration 0013).
struct BatteryRoutes: Sendable {
    let pool: PostgresPool

    /// Adds the routes to `group` (mounted at `/api/v1`).
    func register(on group: RouterGroup<APIRequestContext>) {
        group.get("batteries") { request, _ in try await list(QueryParameters(request)) }
        group.get("batteries/:id/health") { request, context in
            try await health(try packID(context), QueryParameters(request))
        }
        group.get("batteries/:id/risk") { request, context in
            try await risk(try packID(context), QueryParameters(request))
        }
        group.get("batteries/:id/cycles") { request, context in
            try await cycles(try packID(context), QueryParameters(request))
        }
    }

    /// Every pack's latest health, remaining life and risk, ordered by id; paged with `limit` and `after`.
    private func list(_ query: QueryParameters) async throws -> Page<BatteryStatusJSON> {
        let after = query.string("after") ?? ""
        let limit = try query.limit()
        let rows = try await pool.withConnection { connection in
            try await connection.query(
                "SELECT * FROM battery_pack_status WHERE device_id > \(after) ORDER BY device_id LIMIT \(limit)")
        }
        let items = try rows.map(BatteryStatusJSON.init(row:))
        return Page(items: items, nextAfter: items.count == limit ? items.last?.deviceID : nil)
    }

    /// State-of-health estimates in [`from`, `to`) (default: the last 30 days), ascending.
    private func health(_ id: String, _ query: QueryParameters) async throws -> Page<BatteryHealthJSON> {
        let range = try query.timeRange(defaultSpan: .seconds(30 * 86_400))
        let limit = try query.limit(default: QueryParameters.maximumLimit)
        let rows = try await pool.withConnection { connection in
            try await connection.query(
                """
                SELECT * FROM battery_health
                WHERE device_id = \(id) AND estimated_at >= \(range.lowerBound) AND estimated_at < \(range.upperBound)
                ORDER BY estimated_at LIMIT \(limit)
                """)
        }
        return .timeSeries(try rows.map(BatteryHealthJSON.init(row:)), limit: limit) { $0.estimatedAt }
    }

    /// Risk level changes in [`from`, `to`) (default: the last day), ascending.
    private func risk(_ id: String, _ query: QueryParameters) async throws -> Page<BatteryRiskJSON> {
        let range = try query.timeRange(defaultSpan: .seconds(86_400))
        let limit = try query.limit(default: QueryParameters.maximumLimit)
        let rows = try await pool.withConnection { connection in
            try await connection.query(
                """
                SELECT device_id, ts, level, findings::text AS findings FROM battery_risk
                WHERE device_id = \(id) AND ts >= \(range.lowerBound) AND ts < \(range.upperBound)
                ORDER BY ts LIMIT \(limit)
                """)
        }
        return .timeSeries(try rows.map(BatteryRiskJSON.init(row:)), limit: limit) { $0.ts }
    }

    /// Charge cycles that started in [`from`, `to`) (default: the last 30 days), ascending.
    private func cycles(_ id: String, _ query: QueryParameters) async throws -> Page<BatteryCycleJSON> {
        let range = try query.timeRange(defaultSpan: .seconds(30 * 86_400))
        let limit = try query.limit(default: QueryParameters.maximumLimit)
        let rows = try await pool.withConnection { connection in
            try await connection.query(
                """
                SELECT * FROM battery_cycle_features
                WHERE device_id = \(id) AND started_at >= \(range.lowerBound) AND started_at < \(range.upperBound)
                ORDER BY started_at LIMIT \(limit)
                """)
        }
        return .timeSeries(try rows.map(BatteryCycleJSON.init(row:)), limit: limit) { $0.startedAt }
    }

    private func packID(_ context: APIRequestContext) throws -> String {
        let id = try context.parameters.require("id")
        guard DeviceID.isValid(id) else {
            throw HTTPError(.badRequest, message: "device id must be 1-128 characters from [A-Za-z0-9._-]; got \"\(id)\"")
        }
        return id
    }
}
