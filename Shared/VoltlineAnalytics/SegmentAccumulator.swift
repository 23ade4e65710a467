/// The running statistics of one segment (or of a candidate run that may turn out to be noise and be
/// absorbed back into the segment around it).
struct SegmentAccumulator: Sendable {
    let kind: SegmentKind
    let first: PackSample
    private(set) var last: PackSample
    private var sampleCount = 1
    private var ampHours = 0.0
    private var kWh = 0.0
    private var ampMillis = 0.0
    private var heldMillis: Int64 = 0
    private var minVoltage: Double
    private var maxVoltage: Double
    private var hottest: PackSample

    init(kind: SegmentKind, first: PackSample) {
        self.kind = kind
        self.first = first
        self.last = first
        self.minVoltage = first.metrics.voltageV
        self.maxVoltage = first.metrics.voltageV
        self.hottest = first
    }

    /// Integrates the last sample's current, held until `timeMillis`.
    mutating func hold(until timeMillis: Int64) {
        let millis = timeMillis - last.timeMillis
        let current = last.metrics.currentA
        ampMillis += current * Double(millis)
        heldMillis += millis
        let ah = abs(current) * Double(millis) / 3_600_000
        ampHours += ah
        kWh += ah * last.metrics.voltageV / 1000
    }

    /// Adds the next sample (after ``hold(until:)`` up to its time).
    mutating func add(_ sample: PackSample) {
        sampleCount += 1
        last = sample
        minVoltage = min(minVoltage, sample.metrics.voltageV)
        maxVoltage = max(maxVoltage, sample.metrics.voltageV)
        if sample.metrics.temperatureC > hottest.metrics.temperatureC { hottest = sample }
    }

    /// Takes in a later run that followed this one directly (noise that did not last).
    mutating func absorb(_ run: SegmentAccumulator) {
        sampleCount += run.sampleCount
        ampHours += run.ampHours
        kWh += run.kWh
        ampMillis += run.ampMillis
        heldMillis += run.heldMillis
        minVoltage = min(minVoltage, run.minVoltage)
        maxVoltage = max(maxVoltage, run.maxVoltage)
        if run.hottest.metrics.temperatureC > hottest.metrics.temperatureC { hottest = run.hottest }
        last = run.last
    }

    /// The finished segment, ending at `endMillis`.
    func segment(deviceID: String, endMillis: Int64, capacityAh: Double?) -> BatterySegment {
        let riseMinutes = Double(hottest.timeMillis - first.timeMillis) / 60_000
        let rise = hottest.metrics.temperatureC - first.metrics.temperatureC
        return BatterySegment(
            deviceID: deviceID, kind: kind, startMillis: first.timeMillis, endMillis: endMillis,
            durationSeconds: Double(endMillis - first.timeMillis) / 1000, sampleCount: sampleCount,
            ampHours: ampHours, energyKWh: kWh,
            meanCurrentA: heldMillis > 0 ? ampMillis / Double(heldMillis) : first.metrics.currentA,
            startSOCPercent: first.metrics.stateOfChargePercent, endSOCPercent: last.metrics.stateOfChargePercent,
            startVoltageV: first.metrics.voltageV, endVoltageV: last.metrics.voltageV, minVoltageV: minVoltage,
            maxVoltageV: maxVoltage, startTemperatureC: first.metrics.temperatureC,
            maxTemperatureC: hottest.metrics.temperatureC,
            temperatureRiseCPerMinute: riseMinutes > 0 && rise > 0 ? rise / riseMinutes : 0,
            equivalentFullCycles: capacityAh.map { ampHours / (2 * $0) })
    }
}
