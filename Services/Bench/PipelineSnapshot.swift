import Foundation

/// What the running system looked like at one instant: service metrics, process usage, readings published.
struct PipelineSnapshot: Sendable {
    let time = Date()
    /// `service → metric name → value`, labelled series of one name summed.
    let metrics: [String: [String: Double]]
    let processes: [String: ProcessSampler.Sample]
    /// Readings acknowledged by the broker so far.
    let published: Int

    func metric(_ service: String, _ name: String) -> Double { metrics[service]?[name] ?? 0 }
}
