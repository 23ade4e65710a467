import Foundation

/// Maps a detector's raw score onto the common 0–1 scale the risk levels are set on.
///
/// - ``empirical(reference:)``: the share of reference scores (from normal training data) below the raw
///   score, so 0.99 reads "higher than 99 % of normal operation" whatever the detector.
/// - ``standardized(midpoint:width:)``: a logistic curve over a z-like score for streaming detectors that
///   have no reference set: `midpoint` maps to 0.5.
public enum ScoreCalibration: Sendable, Codable, Hashable {
    /// Empirical distribution of reference scores, sorted ascending.
    case empirical(reference: [Double])
    /// Logistic mapping of a standardized score.
    case standardized(midpoint: Double, width: Double)

    /// An empirical calibration from scores of normal data (any order).
    public static func fitted(to scores: [Double]) -> ScoreCalibration {
        .empirical(reference: scores.filter(\.isFinite).sorted())
    }

    /// The calibrated score in 0...1.
    public func calibrate(_ raw: Double) -> Double {
        guard raw.isFinite else { return raw > 0 ? 1 : 0 }
        switch self {
        case .empirical(let reference):
            guard !reference.isEmpty else { return 0 }
            var low = 0
            var high = reference.count
            while low < high {
                let middle = (low + high) / 2
                if reference[middle] < raw { low = middle + 1 } else { high = middle }
            }
            return Double(low) / Double(reference.count + 1)
        case .standardized(let midpoint, let width):
            return 1 / (1 + exp(-(raw - midpoint) / width))
        }
    }
}
