import Testing

@testable import VoltlineLearning
import VoltlineSupport

@Suite struct FleetAnomalyScorerTests {
    static func machineWindow(_ power: Double) -> [String: Double] {
        ["mean_power_kw": power, "min_power_kw": power * 0.9, "max_power_kw": power * 1.1, "energy_kwh": power / 60]
    }

    @Test func withoutAForestTheStatisticsStillRaiseTheLevel() throws {
        var scorer = FleetAnomalyScorer()
        var generator = SplitMix64(seed: 1)
        for minute in 0..<200 {
            let window = Self.machineWindow(50 + Double(SyntheticData.gaussian(&generator)))
            _ = scorer.score(deviceID: "press-01", kind: "machine", timeSeconds: Int64(minute) * 60, features: window)
        }
        #expect(!scorer.hasForest(for: "machine"))
        let scored = scorer.score(deviceID: "press-01", kind: "machine", timeSeconds: 200 * 60, features: Self.machineWindow(90))
        let jump = try #require(scored)
        #expect(jump.assessment.level >= .warning)
        #expect(jump.detectors["isolation_forest"] == nil)
        let unknownKind = scorer.score(deviceID: "x", kind: "toaster", timeSeconds: 0, features: [:])
        #expect(unknownKind == nil)
    }

    @Test func aLoadedForestScoresTheWindowShape() throws {
        var generator = SplitMix64(seed: 2)
        let rows = (0..<1_000).flatMap { _ in
            FeatureSchema.machine.vector(Self.machineWindow(50 + 5 * Double(SyntheticData.gaussian(&generator))))
        }
        var scorer = FleetAnomalyScorer()
        scorer.setForest(try MultivariateAnomalyModel(featureNames: FeatureSchema.machine.columns, training: rows), for: "machine")
        // Normal mean power, but min above max: a shape the forest never saw.
        let odd = ["mean_power_kw": 50.0, "min_power_kw": 80, "max_power_kw": 20, "energy_kwh": 0.83]
        let scored = scorer.score(deviceID: "press-02", kind: "machine", timeSeconds: 0, features: odd)
        let result = try #require(scored)
        #expect(try #require(result.detectors["isolation_forest"]) > 0.95)
        #expect(result.assessment.level >= .warning)
    }
}
