import Testing
import VoltlineAnalytics

@testable import VoltlineLearning

@Suite struct RiskTrackingTests {
    @Test func aScoreHoveringAtTheWarningThresholdDoesNotFlap() {
        var tracker = DeviceRiskTracker(thresholds: RiskThresholds(warning: 0.95, critical: 0.99, hysteresis: 0.1))
        var changes = 0
        for index in 0..<40 {
            let assessment = tracker.assess(deviceID: "press-01", scores: [index % 2 == 0 ? 0.96 : 0.94])
            if assessment.changedFrom != nil { changes += 1 }
        }
        #expect(changes == 1)
        #expect(tracker.level(of: "press-01") == .warning)
    }

    @Test func theLevelClearsAfterConsecutiveLowScores() {
        var tracker = DeviceRiskTracker(thresholds: RiskThresholds(hysteresis: 0.1, clearAfter: 3))
        #expect(tracker.assess(deviceID: "a", scores: [0.995]).level == .critical)
        #expect(tracker.assess(deviceID: "a", scores: [0.5]).level == .critical)
        #expect(tracker.assess(deviceID: "a", scores: [0.5]).level == .critical)
        let cleared = tracker.assess(deviceID: "a", scores: [0.5])
        #expect(cleared.level == .normal)
        #expect(cleared.changedFrom == .critical)
        #expect(tracker.level(of: "b") == .normal)
    }

    @Test func rulesSetAFloorThatScoresCannotLower() {
        var tracker = DeviceRiskTracker(thresholds: RiskThresholds(clearAfter: 1))
        #expect(tracker.assess(deviceID: "pack-1", scores: [0.1], ruleLevel: .danger).level == .danger)
        #expect(tracker.assess(deviceID: "pack-1", scores: [0.1], ruleLevel: .danger).level == .danger)
        #expect(tracker.assess(deviceID: "pack-1", scores: [0.1]).level == .normal)
    }

    @Test func empiricalCalibrationIsTheShareOfNormalScoresBelow() {
        let calibration = ScoreCalibration.fitted(to: (1...99).map(Double.init))
        #expect(calibration.calibrate(0) == 0)
        #expect(abs(calibration.calibrate(50.5) - 0.5) < 0.01)
        #expect(calibration.calibrate(1_000) == 0.99)
    }
}
