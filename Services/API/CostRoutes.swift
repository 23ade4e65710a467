import Foundation
import Hummingbird
import VoltlinePostgres

/// `GET /api/v1/costs?from=&to=&group_by=site|line|device|period`: energy and cost from `energy_costs`,
/// summed per group over the intervals starting in [`from`, `to`) (default: the last 24 hours).
struct CostRoutes: Sendable {
    let pool: PostgresPool

    /// The grouping columns, by `group_by` value; only these names ever reach the SQL text.
    private static let groupColumns = ["site": "site", "line": "line", "device": "device_id", "period": "period"]

    /// Adds the route to `group` (mounted at `/api/v1`).
    func register(on group: RouterGroup<APIRequestContext>) {
        group.get("costs") { request, _ in try await costs(QueryParameters(request)) }
    }

    private func costs(_ query: QueryParameters) async throws -> CostReportJSON {
        let range = try query.timeRange(defaultSpan: .seconds(86_400))
        let groupBy = try query.oneOf("group_by", Self.groupColumns.keys.sorted()) ?? "site"
        let column = PostgresIdentifier(Self.groupColumns[groupBy] ?? "site")
        let rows = try await pool.withConnection { connection in
            try await connection.query(
                """
                SELECT \(column) AS key, sum(energy_kwh) AS energy_kwh, sum(cost) AS cost, count(*) AS intervals
                FROM energy_costs WHERE interval_start >= \(range.lowerBound) AND interval_start < \(range.upperBound)
                GROUP BY 1 ORDER BY 1
                """)
        }
        let groups = try rows.map { row in
            CostReportJSON.Group(
                key: try row.decode(named: "key"), energyKwh: try row.decode(named: "energy_kwh"),
                cost: try row.decode(named: "cost"), intervals: try row.decode(named: "intervals"))
        }
        return CostReportJSON(
            from: range.lowerBound.epochMilliseconds, to: range.upperBound.epochMilliseconds, groupBy: groupBy,
            groups: groups)
    }
}
