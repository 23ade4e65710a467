public import VoltlineDomain

/// Per-machine 15-minute energy and demand on event time, emitting one ``DemandInterval`` per closed
/// interval.
///
/// Same watermark, lateness, duplicate and replay rules as ``MinuteWindows``. Energy comes from the
/// meter's cumulative counter when it is present and never decreases across the interval (the
/// counter measures what power samples only approximate), else from integrating active power.
/// Battery pack readings are ``ReadingDisposition/ignored``.
public struct DemandWindows: Sendable {
    /// The interval length: 15 minutes.
    public static let intervalMillis: Int64 = 15 * 60_000
    /// The event-time settings.
    public let configuration: WindowConfiguration
    private var windows: EventTimeWindows<PowerSample>

    /// Creates empty windows.
    public init(configuration: WindowConfiguration = WindowConfiguration()) {
        self.configuration = configuration
        self.windows = EventTimeWindows(
            lengthMillis: Self.intervalMillis, allowedLatenessMillis: configuration.allowedLatenessMillis)
    }

    /// Adds one reading and returns what happened to it with the intervals it closed.
    public mutating func ingest(_ reading: Reading) -> WindowUpdate<DemandInterval> {
        guard let sample = PowerSample(reading) else { return WindowUpdate(disposition: .ignored, emitted: []) }
        let (disposition, closed) = windows.insert(sample, deviceID: reading.deviceID)
        return WindowUpdate(disposition: disposition, emitted: closed.map(interval))
    }

    /// Closes every open interval (shutdown) and returns them, by device id, then time.
    public mutating func flush() -> [DemandInterval] {
        windows.closeAll().map(interval)
    }

    /// Closes the open intervals of one device that went quiet and forgets it; returns them oldest first.
    public mutating func flush(deviceID: String) -> [DemandInterval] {
        windows.close(deviceID: deviceID).map(interval)
    }

    /// The event time of the oldest reading a device's state still holds (see ``MinuteWindows``), or nil.
    /// A consumer that replays after a restart must replay this device from there.
    public func oldestHeldTime(for deviceID: String) -> Int64? { windows.oldestHeldTime(for: deviceID) }

    /// The current watermark of a machine, or nil before its first reading.
    public func watermark(for deviceID: String) -> Int64? { windows.watermark(for: deviceID) }

    private func interval(_ window: ClosedWindow<PowerSample>) -> DemandInterval {
        let energy = WindowEnergy(window.holdSpans(maxHoldMillis: configuration.maxHoldMillis))
        let hours = Double(Self.intervalMillis) / 3_600_000
        return DemandInterval(
            deviceID: window.deviceID, intervalStartMillis: window.range.lowerBound, energyKWh: energy.kWh,
            energySource: energy.source, demandKW: energy.kWh / hours,
            peakKW: window.samples.map(\.powerKW).max()!, sampleCount: window.samples.count,
            completeness: Double(energy.coveredMillis) / Double(Self.intervalMillis))
    }
}
