import Hummingbird

/// `GET /api/v1/costs`: energy (kWh) and cost (in the tariff's currency) per group.
struct CostReportJSON: ResponseEncodable {
    /// One group's sums; `key` is `null` for machines without a line when grouping by line.
    struct Group: Encodable, Sendable {
        var key: String?
        var energyKwh: Double
        var cost: Double
        var intervals: Int
    }

    /// The range, epoch milliseconds.
    var from: Int64
    var to: Int64
    var groupBy: String
    var groups: [Group]
}
