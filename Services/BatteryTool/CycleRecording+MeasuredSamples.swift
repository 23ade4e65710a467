import VoltlineBattery
import VoltlineBatteryHealth

extension CycleRecording {
    /// The recording as the battery model's measured samples, for ``DischargeComparison``.
    var measuredSamples: [MeasuredSample] {
        timeSeconds.indices.map {
            MeasuredSample(seconds: timeSeconds[$0], currentA: currentA[$0], voltageV: voltageV[$0], temperatureC: temperatureC[$0])
        }
    }
}
