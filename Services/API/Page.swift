import Hummingbird

/// One page of a listing. When more items may follow, exactly one cursor is set; pass it back to get the
/// next page: `next_from` (epoch ms) as `from` for time series, `next_after` as `after` for devices,
/// `next_before_id` as `before_id` for alerts.
struct Page<Item: Encodable & Sendable>: ResponseEncodable {
    var items: [Item]
    var nextFrom: Int64?
    var nextAfter: String?
    var nextBeforeID: Int64?

    /// A page of a time series ordered by ascending time: when full, the next page starts just after the
    /// last item's time (times are whole milliseconds).
    static func timeSeries(_ items: [Item], limit: Int, time: (Item) -> Int64) -> Page {
        Page(items: items, nextFrom: items.count == limit ? items.last.map { time($0) + 1 } : nil)
    }
}
