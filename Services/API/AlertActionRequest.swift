import Foundation
import Hummingbird

/// The body of `POST /api/v1/alerts/{id}/acknowledge` and `/resolve`: `{"actor": "...", "note": "..."}`.
struct AlertActionRequest: Decodable {
    /// Who acts: required, 1–200 characters.
    var actor: String
    /// Free text kept in the alert's history.
    var note: String?

    /// Checks the fields.
    /// - Throws: `HTTPError(.badRequest)` naming the bad field.
    func validated() throws -> AlertActionRequest {
        let actor = actor.trimmingCharacters(in: .whitespaces)
        guard (1...200).contains(actor.count) else {
            throw HTTPError(.badRequest, message: "actor must be 1-200 characters")
        }
        guard (note?.count ?? 0) <= 2000 else {
            throw HTTPError(.badRequest, message: "note must be at most 2000 characters")
        }
        return AlertActionRequest(actor: actor, note: note)
    }
}
