public import VoltlineDomain

/// Per-device 1-minute tumbling windows on event time, emitting one ``MinuteFeature`` per closed window.
///
/// Give it every reading in Kafka order. Each device has its own watermark (latest event time minus
/// ``WindowConfiguration/allowedLatenessMillis``); a window closes, exactly once, when the watermark
/// passes its end. Out-of-order readings inside the lateness are merged; later ones come back as
/// ``ReadingDisposition/late`` for the caller to count and dead-letter. A second reading with the same
/// device and event time as one in an open window is ignored as ``ReadingDisposition/duplicate``.
///
/// Energy and charge are integrated with a zero-order hold (each sample's value holds until the next,
/// at most ``WindowConfiguration/maxHoldMillis``); the last sample of a window carries into the next.
///
/// State is not serialisable, by design: after a restart the service replays its Kafka partitions from
/// the offsets it committed together with the last emitted features, which rebuilds the open windows
/// exactly. Call ``flush()`` on shutdown only if partial windows should be emitted.
public struct MinuteWindows: Sendable {
    /// The event-time settings.
    public let configuration: WindowConfiguration
    private var windows: EventTimeWindows<Reading>

    /// Creates empty windows.
    public init(configuration: WindowConfiguration = WindowConfiguration()) {
        self.configuration = configuration
        self.windows = EventTimeWindows(lengthMillis: 60_000, allowedLatenessMillis: configuration.allowedLatenessMillis)
    }

    /// Adds one reading and returns what happened to it with the features of the windows it closed.
    public mutating func ingest(_ reading: Reading) -> WindowUpdate<MinuteFeature> {
        let (disposition, closed) = windows.insert(reading, deviceID: reading.deviceID)
        return WindowUpdate(disposition: disposition, emitted: closed.map(feature))
    }

    /// Closes every open window (shutdown) and returns their features, by device id, then time.
    public mutating func flush() -> [MinuteFeature] {
        windows.closeAll().map(feature)
    }

    /// Closes the open windows of one device that went quiet and forgets it; returns them oldest first.
    public mutating func flush(deviceID: String) -> [MinuteFeature] {
        windows.close(deviceID: deviceID).map(feature)
    }

    /// The event time of the oldest reading a device's state still holds (see ``MinuteWindows``), or nil.
    /// A consumer that replays after a restart must replay this device from there.
    public func oldestHeldTime(for deviceID: String) -> Int64? { windows.oldestHeldTime(for: deviceID) }

    /// The current watermark of a device, or nil before its first reading.
    public func watermark(for deviceID: String) -> Int64? { windows.watermark(for: deviceID) }

    /// The number of windows open across all devices.
    public var openWindowCount: Int { windows.openWindowCount }

    private func feature(_ window: ClosedWindow<Reading>) -> MinuteFeature {
        let kind = window.samples[0].kind
        var feature = MinuteFeature(
            deviceID: window.deviceID, kind: kind, windowStartMillis: window.range.lowerBound,
            sampleCount: window.samples.count, coverage: 0)
        let coveredMillis: Int64
        switch kind {
        case .machine:
            let power = window.compactMap(PowerSample.init)
            let energy = WindowEnergy(power.holdSpans(maxHoldMillis: configuration.maxHoldMillis))
            let factors = window.samples.compactMap { reading -> Double? in
                guard case .machine(let metrics) = reading.metrics else { return nil }
                return metrics.powerFactor
            }
            feature.machine = MachineMinute(
                powerKW: ValueSummary(power.samples.map(\.powerKW))!, powerFactor: ValueSummary(factors),
                energyKWh: energy.kWh, energySource: energy.source)
            coveredMillis = energy.coveredMillis
        case .batteryPack:
            let packs = window.compactMap(PackSample.init)
            let spans = packs.holdSpans(maxHoldMillis: configuration.maxHoldMillis)
            feature.pack = packMinute(packs.samples.map(\.metrics), spans: spans)
            coveredMillis = spans.reduce(0) { $0 + $1.overlapMillis }
        }
        feature.coverage = Double(coveredMillis) / Double(window.range.count)
        return feature
    }

    private func packMinute(_ metrics: [PackMetrics], spans: [HoldSpan<PackSample>]) -> PackMinute {
        var charged = (ah: 0.0, kWh: 0.0)
        var discharged = (ah: 0.0, kWh: 0.0)
        for span in spans {
            let current = span.sample.metrics.currentA
            let ah = abs(current) * span.overlapHours
            let kWh = ah * span.sample.metrics.voltageV / 1000
            if current >= 0 {
                charged = (charged.ah + ah, charged.kWh + kWh)
            } else {
                discharged = (discharged.ah + ah, discharged.kWh + kWh)
            }
        }
        let spreads = metrics.compactMap { pack in
            pack.cellVoltageMaxV.flatMap { high in pack.cellVoltageMinV.map { high - $0 } }
        }
        return PackMinute(
            voltageV: ValueSummary(metrics.map(\.voltageV))!, currentA: ValueSummary(metrics.map(\.currentA))!,
            temperatureC: ValueSummary(metrics.map(\.temperatureC))!,
            stateOfChargePercent: ValueSummary(metrics.compactMap(\.stateOfChargePercent)),
            maxCellVoltageSpreadV: spreads.max(), maxCellTemperatureC: metrics.compactMap(\.cellTemperatureMaxC).max(),
            chargedAh: charged.ah, dischargedAh: discharged.ah, chargedKWh: charged.kWh, dischargedKWh: discharged.kWh)
    }
}
