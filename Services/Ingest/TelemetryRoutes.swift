import Hummingbird
import VoltlineDomain

/// `POST /api/v1/telemetry`: the HTTP way in for gateways without MQTT. The body is the same JSON as on
/// MQTT (one reading or a batch); `?gateway=ID` names the sender in dead letters. Answers 202 with what was accepted and, per refused reading, why;
/// 400 when nothing was accepted; 413 when the body is over the limit (which is dead-lettered too).
enum TelemetryRoutes {
    struct Response: ResponseEncodable {
        struct Refusal: Codable {
            var index: Int?
            var reason: String
            var detail: String
        }

        var accepted: Int
        var rejected: [Refusal]
    }

    static func add(to router: Router<some RequestContext>, intake: ReadingIntake, maxBytes: Int) {
        router.post("api/v1/telemetry") { request, context -> EditedResponse<Response> in
            let gateway = request.uri.queryParameters.get("gateway") ?? "unnamed"
            let topic = "http:/api/v1/telemetry/\(gateway)"
            let body: ByteBuffer
            do {
                body = try await request.body.collect(upTo: maxBytes)
            } catch {
                // The body was not read past the limit, so the dead letter carries no payload.
                try await intake.refuse(
                    Rejection(.oversized, "HTTP body is larger than the \(maxBytes)-byte limit"), payload: [],
                    source: "http", topic: topic)
                throw HTTPError(.contentTooLarge, message: "payload is larger than \(maxBytes) bytes")
            }
            let outcome = try await intake.process(Array(buffer: body), source: "http", topic: topic)
            let response = Response(
                accepted: outcome.accepted,
                rejected: outcome.rejected.map { .init(index: $0.index, reason: $0.reason.code, detail: $0.detail) })
            return EditedResponse(status: outcome.accepted > 0 || outcome.rejected.isEmpty ? .accepted : .badRequest,
                                  response: response)
        }
    }
}
