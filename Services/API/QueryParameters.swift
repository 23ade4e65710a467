import Foundation
import Hummingbird

/// Reads and checks a request's query parameters; every bad value becomes a 400 that names the parameter.
///
/// Times are accepted as epoch milliseconds (`1764082800250`) or ISO 8601 / RFC 3339 text
/// (`2025-11-25T15:00:00Z`, fractional seconds allowed).
struct QueryParameters {
    /// The largest `limit` a client may ask for.
    static let maximumLimit = 1000

    private let parameters: Parameters

    /// Wraps the request's query parameters.
    init(_ request: Request) {
        parameters = request.uri.queryParameters
    }

    /// The text of `name`, or `nil` when absent or empty.
    func string(_ name: String) -> String? {
        parameters.get(name).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The value of `name`, which must be one of `allowed`.
    /// - Throws: `HTTPError(.badRequest)` for any other value.
    func oneOf(_ name: String, _ allowed: [String]) throws -> String? {
        guard let text = string(name) else { return nil }
        guard allowed.contains(text) else {
            throw HTTPError(
                .badRequest, message: "\(name) must be one of \(allowed.joined(separator: ", ")); got \"\(text)\"")
        }
        return text
    }

    /// `limit`: 1…``maximumLimit``, default `defaultLimit`.
    /// - Throws: `HTTPError(.badRequest)` when not an integer in range.
    func limit(default defaultLimit: Int = 100) throws -> Int {
        guard let text = string("limit") else { return defaultLimit }
        guard let value = Int(text), (1...Self.maximumLimit).contains(value) else {
            throw HTTPError(
                .badRequest, message: "limit must be an integer from 1 to \(Self.maximumLimit); got \"\(text)\"")
        }
        return value
    }

    /// A positive 64-bit integer parameter (an id or id cursor).
    /// - Throws: `HTTPError(.badRequest)` when not a positive integer.
    func positiveInteger(_ name: String) throws -> Int64? {
        guard let text = string(name) else { return nil }
        guard let value = Int64(text), value > 0 else {
            throw HTTPError(.badRequest, message: "\(name) must be a positive integer; got \"\(text)\"")
        }
        return value
    }

    /// The half-open range [`from`, `to`): `to` defaults to now, `from` to `to` minus `defaultSpan`.
    /// - Throws: `HTTPError(.badRequest)` for an unreadable time or when `from` is not before `to`.
    func timeRange(defaultSpan: Duration = .seconds(3600)) throws -> Range<Date> {
        let to = try time("to") ?? Date()
        let from = try time("from") ?? to.addingTimeInterval(-Double(defaultSpan.components.seconds))
        guard from < to else {
            throw HTTPError(.badRequest, message: "from must be before to")
        }
        return from..<to
    }

    /// A time parameter.
    /// - Throws: `HTTPError(.badRequest)` when present but neither epoch milliseconds nor ISO 8601.
    func time(_ name: String) throws -> Date? {
        guard let text = string(name) else { return nil }
        guard let date = Self.parseTime(text) else {
            throw HTTPError(
                .badRequest,
                message: "\(name) must be epoch milliseconds or an ISO 8601 time such as 2025-11-25T15:00:00Z; "
                    + "got \"\(text)\"")
        }
        return date
    }

    private static func parseTime(_ text: String) -> Date? {
        if let millis = Int64(text) { return Date(epochMilliseconds: millis) }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
