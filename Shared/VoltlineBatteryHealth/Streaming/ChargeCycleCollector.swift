public import VoltlineAnalytics
public import VoltlineDomain

/// Turns a pack reading stream into ``ChargeCycle``s: the analytics' ``BatterySegmenter`` finds the
/// segments (same dead band and hysteresis as the features service's `battery_segments`), while this keeps
/// the samples of each pack's open segment so a finished charge can be analysed in full.
///
/// Voltages are divided by the pack's cells in series, so features and thresholds are per cell.
public struct ChargeCycleCollector: Sendable {
    private struct PackState: Sendable {
        var samples = CycleRecording(cycle: 0, timeSeconds: [], voltageV: [], currentA: [], temperatureC: [])
        var sampleMillis: [Int64] = []
        var screen: ChargeScreen
        var equivalentFullCycles = 0.0
    }

    private var segmenter: BatterySegmenter
    private let extractor: ChargeFeatureExtractor
    private let screen: ChargeScreen.Configuration
    private var packs: [String: PackState] = [:]

    /// Creates a collector.
    public init(
        segments: BatterySegmenter.Configuration = .init(), extractor: ChargeFeatureExtractor = .init(),
        screen: ChargeScreen.Configuration = .init()
    ) {
        self.segmenter = BatterySegmenter(configuration: segments)
        self.extractor = extractor
        self.screen = screen
    }

    /// Adds a reading and returns the charges it finished.
    public mutating func ingest(_ reading: Reading, limits: DeviceLimits) -> [ChargeCycle] {
        guard case .batteryPack(let metrics) = reading.metrics else { return [] }
        let ended = segmenter.ingest(reading, limits: limits)
        var state = packs[reading.deviceID] ?? PackState(screen: ChargeScreen(configuration: screen(for: limits)))
        var cycles: [ChargeCycle] = []
        for segment in ended {
            state.equivalentFullCycles += segment.equivalentFullCycles ?? 0
            if segment.kind == .charge, let cycle = finish(segment, state: &state, limits: limits) {
                cycles.append(cycle)
            }
            dropSamples(before: segment.endMillis, in: &state)
        }
        if state.sampleMillis.last.map({ reading.timeMillis > $0 }) ?? true {
            let series = Double(limits.cellsInSeries ?? 1)
            state.sampleMillis.append(reading.timeMillis)
            state.samples.timeSeconds.append(Double(reading.timeMillis) / 1000)
            state.samples.voltageV.append(metrics.voltageV / series)
            state.samples.currentA.append(metrics.currentA)
            state.samples.temperatureC.append(metrics.temperatureC)
        }
        packs[reading.deviceID] = state
        return cycles
    }

    /// The screen scaled to the pack: its capacity, and a cut-off current of C/20.
    private func screen(for limits: DeviceLimits) -> ChargeScreen.Configuration {
        guard let capacity = limits.capacityAh else { return screen }
        var scaled = screen
        scaled.ratedCapacityAh = capacity
        scaled.maximumEndCurrentA = capacity / 20
        return scaled
    }

    private func finish(_ segment: BatterySegment, state: inout PackState, limits: DeviceLimits) -> ChargeCycle? {
        let range = state.sampleMillis.indices.filter {
            state.sampleMillis[$0] >= segment.startMillis && state.sampleMillis[$0] < segment.endMillis
        }
        guard let first = range.first, let last = range.last else { return nil }
        let charge = CycleRecording(
            cycle: 0, timeSeconds: Array(state.samples.timeSeconds[first...last]),
            voltageV: Array(state.samples.voltageV[first...last]), currentA: Array(state.samples.currentA[first...last]),
            temperatureC: Array(state.samples.temperatureC[first...last]))
        guard let features = extractor.features(of: charge) else { return nil }
        return ChargeCycle(
            deviceID: segment.deviceID, startMillis: segment.startMillis, endMillis: segment.endMillis,
            equivalentFullCycles: limits.capacityAh == nil ? nil : state.equivalentFullCycles,
            stateOfChargeCapacityAh: both(segment.startSOCPercent, segment.endSOCPercent).flatMap {
                CoulombCounter.capacityAh(ampHours: segment.ampHours, startSOCPercent: $0, endSOCPercent: $1)
            }, features: features,
            rejection: state.screen.judge(features))
    }

    private func dropSamples(before millis: Int64, in state: inout PackState) {
        guard let keep = state.sampleMillis.firstIndex(where: { $0 >= millis }) else {
            state.sampleMillis.removeAll()
            state.samples = CycleRecording(cycle: 0, timeSeconds: [], voltageV: [], currentA: [], temperatureC: [])
            return
        }
        state.sampleMillis.removeFirst(keep)
        state.samples.timeSeconds.removeFirst(keep)
        state.samples.voltageV.removeFirst(keep)
        state.samples.currentA.removeFirst(keep)
        state.samples.temperatureC.removeFirst(keep)
    }
}

private func both(_ a: Double?, _ b: Double?) -> (Double, Double)? {
    guard let a, let b else { return nil }
    return (a, b)
}
