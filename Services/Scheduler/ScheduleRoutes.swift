import Foundation
import Hummingbird
import VoltlineScheduling

/// The scheduler's own endpoints: `POST /schedules` queues an optimisation request (body: ``ScheduleSubmission``)
/// and answers `202 {"id": …, "status": "queued"}`; `GET /schedules/{id}` answers its status and, once done, the
/// outcome (or the infeasibility reasons).
struct ScheduleRoutes: Sendable {
    let store: ScheduleStore

    /// The largest accepted request body.
    static let maxBodyBytes = 8 << 20

    func register(on router: Router<some RequestContext>) {
        router.post("schedules") { request, _ -> Response in
            let body = try await request.body.collect(upTo: Self.maxBodyBytes)
            let submission: ScheduleSubmission
            do {
                submission = try ScheduleSubmission.decode(Data(buffer: body))
            } catch {
                throw HTTPError(.badRequest, message: "not a schedule request: \(error)")
            }
            let id = try await store.submit(
                submission.problem, settings: submission.settings ?? .init(), site: submission.site ?? "default")
            return Self.json(#"{"id":\#(id),"status":"queued"}"#, status: .accepted)
        }
        router.get("schedules/:id") { _, context -> Response in
            guard let id = context.parameters.get("id", as: Int64.self) else {
                throw HTTPError(.badRequest, message: "the schedule id must be an integer")
            }
            guard let found = try await store.status(of: id) else {
                throw HTTPError(.notFound, message: "no schedule \(id)")
            }
            let detail = found.outcome.map { #","outcome":\#($0)"# } ?? found.error.map { #","reasons":\#($0)"# } ?? ""
            return Self.json(#"{"id":\#(id),"status":"\#(found.status)"\#(detail)}"#, status: .ok)
        }
    }

    private static func json(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
