import Testing
import VoltlineBattery
import VoltlineDomain
import VoltlineSimulation
import VoltlineSupport

@Suite("Determinism")
struct DeterminismTests {
    let start = mondayMidnight + 6 * hourMillis

    @Test("the same seed gives byte-identical readings")
    func sameSeedSameReadings() {
        var first = VirtualGateway.standard(seed: 42, startMillis: start)
        var second = VirtualGateway.standard(seed: 42, startMillis: start)
        let readings = first.step(to: start + 5 * minuteMillis)
        #expect(readings.count == 11 * 300)
        let again = second.step(to: start + 5 * minuteMillis)
        #expect(readings == again)
        #expect(GatewayPayloadEncoder.encodeBatch(readings) == GatewayPayloadEncoder.encodeBatch(again))
    }

    @Test("a different seed gives different readings")
    func differentSeedDifferentReadings() {
        var first = VirtualGateway.standard(seed: 42, startMillis: start)
        var second = VirtualGateway.standard(seed: 43, startMillis: start)
        let a = first.step(to: start + minuteMillis)
        let b = second.step(to: start + minuteMillis)
        #expect(a.count == b.count)
        #expect(a.map(\.deviceID) == b.map(\.deviceID))
        #expect(zip(a, b).filter { $0.metrics != $1.metrics }.count > a.count / 2)
    }

    @Test("stepping in small or large jumps gives the same readings")
    func stepSizeDoesNotMatter() {
        var coarse = VirtualGateway.standard(seed: 9, startMillis: start, sampleIntervalMillis: 5_000)
        var fine = VirtualGateway.standard(seed: 9, startMillis: start, sampleIntervalMillis: 5_000)
        let all = coarse.step(to: start + 10 * minuteMillis)
        var pieces: [Reading] = []
        for second in stride(from: Int64(1_700), through: 10 * minuteMillis, by: 1_700) {
            pieces += fine.step(to: start + second)
        }
        pieces += fine.step(to: start + 10 * minuteMillis)
        #expect(pieces == all)
    }

    @Test("the generator repeats its sequence for a seed and separates streams")
    func generatorStreams() {
        var a = SplitMix64(seed: 5, stream: "press-01")
        var b = SplitMix64(seed: 5, stream: "press-01")
        var c = SplitMix64(seed: 5, stream: "press-02")
        let first = (0..<8).map { _ in a.next() }
        #expect(first == (0..<8).map { _ in b.next() })
        #expect(first != (0..<8).map { _ in c.next() })
    }

    @Test("Gaussian noise has the requested mean and standard deviation")
    func gaussianMoments() {
        var random = SplitMix64(seed: 3)
        let samples = (0..<20_000).map { _ in random.nextGaussian(mean: 2, standardDeviation: 0.5) }
        let mean = samples.reduce(0, +) / Double(samples.count)
        let variance = samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(samples.count)
        #expect(abs(mean - 2) < 0.02)
        #expect(abs(variance.squareRoot() - 0.5) < 0.02)
    }
}
