import Foundation
import Hummingbird
import VoltlineScheduling

/// JSON bodies of the schedule and tariff routes, in the scheduling library's own format (snake_case keys
/// with unit acronyms kept whole, `peak_limit_kw`, and ISO 8601 dates), which the router's default coder
/// would garble.
enum ScheduleJSONResponse {
    /// Encodes `value` as the response body.
    static func encode(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        raw(String(decoding: try ScheduleProblem.jsonEncoder.encode(value), as: UTF8.self), status: status)
    }

    /// A body that already is JSON text (an outcome as stored).
    static func raw(_ json: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    /// Decodes a request body, refusing it with `400` and the decoder's reason when it does not fit.
    static func decode<Value: Decodable>(_ type: Value.Type, from request: Request) async throws -> Value {
        let body = try await request.body.collect(upTo: 8 << 20)
        do {
            return try ScheduleProblem.jsonDecoder.decode(type, from: Data(buffer: body))
        } catch {
            throw HTTPError(.badRequest, message: "invalid \(type) body: \(error)")
        }
    }
}
