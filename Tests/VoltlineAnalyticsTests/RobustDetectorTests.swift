import Testing
import VoltlineAnalytics

@Suite("Robust detector")
struct RobustDetectorTests {
    let key = RobustDetector.SeriesKey(deviceID: "m1", metric: "machine.active_power")

    @Test("a 20 σ spike after 200 normal samples is at least critical")
    func spike() throws {
        var random = SeededRandom(seed: 1)
        var detector = RobustDetector()
        for _ in 0..<200 { _ = detector.observe(100 + random.gaussian(), for: key) }
        let observed = detector.observe(120, for: key)
        let score = try #require(observed)
        #expect(score.level >= .critical)
        #expect(score.z > 10 && abs(score.median - 100) < 0.5)
    }

    @Test("Gaussian noise: fewer than 0.1 % of 10,000 samples leave normal")
    func falsePositives() {
        var random = SeededRandom(seed: 2)
        var detector = RobustDetector()
        var scored = 0
        var alarms = 0
        for _ in 0..<10_000 {
            guard let score = detector.observe(50 + 3 * random.gaussian(), for: key) else { continue }
            scored += 1
            if score.level > .normal { alarms += 1 }
        }
        #expect(scored == 10_000 - 60)
        #expect(Double(alarms) / Double(scored) < 0.001)
    }

    @Test("a flat signal does not explode: the MAD floor keeps a 0.5 % step normal")
    func flatSignal() {
        var detector = RobustDetector()
        for _ in 0..<100 { _ = detector.observe(200, for: key) }
        let step = detector.observe(201, for: key)
        let jump = detector.observe(240, for: key)
        #expect(step?.level == .normal)
        #expect((jump?.level ?? .normal) >= .warning)
    }

    @Test("median and MAD are exact over the rolling window")
    func exactStatistics() throws {
        var detector = RobustDetector(configuration: .init(windowSize: 5, minimumHistory: 5, absoluteMADFloor: 0))
        for value in [100.0, 1, 2, 3, 4, 6] { _ = detector.observe(value, for: key) }
        // History is now 1, 2, 3, 4, 6 (100 dropped): median 3, deviations 2 1 0 1 3 → MAD 1.
        let observed = detector.observe(3, for: key)
        let score = try #require(observed)
        #expect(score.median == 3 && abs(score.robustSigma - 1.4826) < 1e-12 && score.z == 0)
    }
}
