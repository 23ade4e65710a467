import Testing

@testable import VoltlineLearning
import VoltlineSupport

@Suite struct StreamingDetectorTests {
    /// In-control noise N(10, 1), then a shift of 1.5 σ at sample 300.
    static func shiftedSeries() -> [Double] {
        var generator = SplitMix64(seed: 3)
        return (0..<400).map { 10 + Double(SyntheticData.gaussian(&generator)) + ($0 >= 300 ? 1.5 : 0) }
    }

    @Test func cusumFlagsALevelShiftWithinTwentySamplesAndNotBefore() {
        var cusum = CUSUMDetector()
        let series = Self.shiftedSeries()
        let signals = series.indices.filter { (cusum.observe(series[$0]) ?? 0) >= 1 }
        let first = try? #require(signals.first { $0 >= 300 })
        #expect(first.map { $0 - 300 } ?? .max <= 20, "signals at \(signals)")
        #expect(signals.filter { $0 < 300 }.count <= 1, "false signals at \(signals.filter { $0 < 300 })")
    }

    @Test func ewmaScoresASpikeHighAndNoiseLow() {
        var ewma = EWMADetector(alpha: 0.05, warmUp: 30)
        var generator = SplitMix64(seed: 5)
        var noise: [Double] = []
        for _ in 0..<300 { if let z = ewma.observe(50 + Double(SyntheticData.gaussian(&generator))) { noise.append(z) } }
        let spike = ewma.observe(60)
        #expect(noise.max()! < 5)
        #expect(spike! > 7)
    }

    @Test func seasonalBaselineKnowsTheShift() {
        var detector = SeasonalBaselineDetector(slotSeconds: 3600, byWeekday: false, warmUp: 3)
        // Ten days: 100 kW from 08:00 to 16:00, 5 kW otherwise, small noise.
        var generator = SplitMix64(seed: 9)
        for hour in 0..<(24 * 10) {
            let base = (8..<16).contains(hour % 24) ? 100.0 : 5.0
            _ = detector.observe(base + Double(SyntheticData.gaussian(&generator)), atSeconds: Int64(hour) * 3600)
        }
        let day = Int64(24 * 10) * 3600
        let normalDaytime = detector.observe(101, atSeconds: day + 10 * 3600)!
        let daytimeLoadAtNight = detector.observe(100, atSeconds: day + 3 * 3600)!
        #expect(normalDaytime < 3)
        #expect(daytimeLoadAtNight > 20)
    }

    @Test func seriesScorerCombinesDetectorsOnTheCommonScale() {
        var scorer = SeriesAnomalyScorer(seasonal: nil)
        var generator = SplitMix64(seed: 11)
        var quiet: [Double] = []
        for second in 0..<200 {
            quiet.append(scorer.observe(20 + Double(SyntheticData.gaussian(&generator)), atSeconds: Int64(second)).combined)
        }
        let jump = scorer.observe(40, atSeconds: 200)
        #expect(quiet.max()! < 0.95)
        #expect(jump.combined > 0.99)
        #expect(jump.all.allSatisfy { (0...1).contains($0) })
    }
}
