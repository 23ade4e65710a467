import Testing
import VoltlineAnalytics
import VoltlineDomain

@Suite("Anomaly evaluator")
struct AnomalyEvaluatorTests {
    @Test("a rule opens, escalates and clears its condition; anomalies carry the rule's values")
    func conditionLifecycle() throws {
        var evaluator = AnomalyEvaluator(clearAfterNormalReadings: 1)
        let temperatures: [Double] = [25, 46, 56, 30]
        let evaluations = temperatures.enumerated().map { index, celsius in
            evaluator.evaluate(TestSupport.pack(at: Int64(index) * 1000, amps: 0, celsius: celsius))
        }
        let changes = evaluations.flatMap(\.changes).filter { $0.ruleID == RuleID.overTemperature }
        #expect(changes.map(\.level) == [.warning, .critical, .normal])
        #expect(changes.map(\.previousLevel) == [.normal, .warning, .critical])
        #expect(evaluations[0].anomalies.isEmpty && evaluations[3].anomalies.isEmpty)
        let anomaly = try #require(evaluations[2].anomalies.first)
        #expect(anomaly.source == .rule && anomaly.level == .critical && anomaly.value == 56 && anomaly.threshold == 55)
        #expect(evaluator.openConditions(for: "p1").isEmpty)
    }

    @Test("a value hovering at a threshold keeps one open condition; it clears after the off-delay")
    func offDelay() {
        var evaluator = AnomalyEvaluator(clearAfterNormalReadings: 5)
        // 45 °C is the warning threshold: hover around it, then cool down for good.
        let temperatures: [Double] = [44.9, 45.1, 44.9, 45.2, 44.8, 45.1, 44.9] + Array(repeating: 30, count: 6)
        let changes = temperatures.enumerated().flatMap { index, celsius in
            evaluator.evaluate(TestSupport.pack(at: Int64(index) * 1000, amps: 0, celsius: celsius)).changes
        }.filter { $0.ruleID == RuleID.overTemperature }
        #expect(changes.map(\.level) == [.warning, .normal])
        // Normal from index 6 (44.9 °C) on: the fifth normal reading in a row is index 10.
        #expect(changes.last?.timeMillis == 10_000)
    }

    @Test("a statistical spike is an anomaly with its z-score and an open condition")
    func statistic() throws {
        var evaluator = AnomalyEvaluator()
        var random = SeededRandom(seed: 3)
        for second in 0..<150 {
            _ = evaluator.evaluate(TestSupport.pack(at: Int64(second) * 1000, amps: -10, celsius: 30 + 0.2 * random.gaussian()))
        }
        // 40 °C is inside every rule's limits, but a 10 K jump in a second is far outside the recent history.
        let evaluation = evaluator.evaluate(TestSupport.pack(at: 150_000, amps: -10, celsius: 40))
        let anomaly = try #require(evaluation.anomalies.first)
        #expect(anomaly.source == .statistic && anomaly.ruleID == "stat.pack.temperature")
        #expect(try #require(anomaly.score) > 10 && anomaly.level == .critical)
        #expect(evaluator.openConditions(for: "p1") == ["stat.pack.temperature": .critical])
    }

    @Test("a machine's change of operating state is not a statistical anomaly")
    func machineDutyCycleIsNotScored() {
        var evaluator = AnomalyEvaluator()
        var anomalies = 0
        for second in 0..<300 {
            let kW = second < 200 ? 12.0 : 80.0  // idle, then running
            anomalies += evaluator.evaluate(TestSupport.machine(at: Int64(second) * 1000, kW: kW)).anomalies.count
        }
        #expect(anomalies == 0)
    }
}
