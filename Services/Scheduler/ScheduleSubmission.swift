import Foundation
import VoltlineScheduling

/// The body of an optimisation request (`POST /schedules`): the problem, optional solver settings and the site.
/// snake_case keys, ISO 8601 dates (``ScheduleProblem/jsonDecoder``).
struct ScheduleSubmission: Decodable, Sendable {
    var problem: ScheduleProblem
    var settings: OptimizerSettings?
    var site: String?

    /// Decodes a request body.
    /// - Throws: `DecodingError` naming the missing or malformed field.
    static func decode(_ data: Data) throws -> ScheduleSubmission {
        try ScheduleProblem.jsonDecoder.decode(ScheduleSubmission.self, from: data)
    }
}
