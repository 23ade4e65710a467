/// Per-device tumbling windows on event time, closed by a per-device watermark.
///
/// The watermark of a device is its largest event time seen minus the allowed lateness; a window
/// closes, exactly once, when the watermark reaches its end. A sample whose window has already closed
/// is late; a sample at the same event time as one in its open window is a duplicate. Watermarks are
/// per device because Kafka orders readings per device only: one device's clock or backlog must not
/// close another device's windows.
struct EventTimeWindows<Sample: TimedSample>: Sendable {
    /// Window length in ms; windows start at multiples of it since the Unix epoch (UTC-aligned).
    let lengthMillis: Int64
    /// How far the watermark trails the latest event time, in ms.
    let allowedLatenessMillis: Int64
    private var devices: [String: DeviceState] = [:]

    private struct OpenWindow: Sendable {
        let start: Int64
        var samples: [Sample]
    }

    private struct DeviceState: Sendable {
        var maxEventTime: Int64
        /// Open windows sorted by start; usually one or two.
        var open: [OpenWindow] = []
        /// The last sample of the most recently closed window: its value holds into the next window.
        var lastClosedSample: Sample?
    }

    init(lengthMillis: Int64, allowedLatenessMillis: Int64) {
        precondition(lengthMillis > 0 && allowedLatenessMillis >= 0, "window length must be positive")
        self.lengthMillis = lengthMillis
        self.allowedLatenessMillis = allowedLatenessMillis
    }

    /// The watermark of `deviceID`, or nil before its first sample.
    func watermark(for deviceID: String) -> Int64? {
        devices[deviceID].map { $0.maxEventTime - allowedLatenessMillis }
    }

    /// The number of windows currently open across all devices.
    var openWindowCount: Int { devices.values.reduce(0) { $0 + $1.open.count } }

    /// Adds `sample` for `deviceID` and closes the windows the watermark has passed.
    mutating func insert(
        _ sample: Sample, deviceID: String
    ) -> (disposition: ReadingDisposition, closed: [ClosedWindow<Sample>]) {
        let time = sample.timeMillis
        let start = time - ((time % lengthMillis) + lengthMillis) % lengthMillis
        var state = devices.removeValue(forKey: deviceID) ?? DeviceState(maxEventTime: time)
        defer { devices[deviceID] = state }
        if start + lengthMillis <= state.maxEventTime - allowedLatenessMillis {
            return (.late, [])
        }
        let windowIndex = state.open.firstIndex { $0.start >= start } ?? state.open.endIndex
        if windowIndex == state.open.endIndex || state.open[windowIndex].start != start {
            state.open.insert(OpenWindow(start: start, samples: [sample]), at: windowIndex)
        } else {
            let samples = state.open[windowIndex].samples
            let position = samples.lastIndex { $0.timeMillis <= time }.map { $0 + 1 } ?? 0
            if position > 0, samples[position - 1].timeMillis == time { return (.duplicate, []) }
            state.open[windowIndex].samples.insert(sample, at: position)
        }
        state.maxEventTime = max(state.maxEventTime, time)
        let closed = Self.close(&state, deviceID: deviceID, through: state.maxEventTime - allowedLatenessMillis, lengthMillis)
        return (.accepted, closed)
    }

    /// The event time of the oldest sample `deviceID`'s state still holds: the last sample of its most
    /// recently closed window (it holds into the next window) or the first of its open windows; nil when
    /// it holds none. Replaying a device's readings from there rebuilds its state exactly.
    func oldestHeldTime(for deviceID: String) -> Int64? {
        guard let state = devices[deviceID] else { return nil }
        let open = state.open.compactMap { $0.samples.first?.timeMillis }.min()
        return [state.lastClosedSample?.timeMillis, open].compactMap { $0 }.min()
    }

    /// Closes every open window of `deviceID` and forgets the device (it went quiet).
    mutating func close(deviceID: String) -> [ClosedWindow<Sample>] {
        guard var state = devices.removeValue(forKey: deviceID) else { return [] }
        return Self.close(&state, deviceID: deviceID, through: .max, lengthMillis)
    }

    /// Closes every open window of every device (shutdown), ordered by device id, then time.
    mutating func closeAll() -> [ClosedWindow<Sample>] {
        var closed: [ClosedWindow<Sample>] = []
        for deviceID in devices.keys.sorted() {
            closed += Self.close(&devices[deviceID]!, deviceID: deviceID, through: .max, lengthMillis)
        }
        return closed
    }

    /// Closes the windows of one device that end at or before `watermark`, oldest first.
    private static func close(
        _ state: inout DeviceState, deviceID: String, through watermark: Int64, _ lengthMillis: Int64
    ) -> [ClosedWindow<Sample>] {
        var closed: [ClosedWindow<Sample>] = []
        while let window = state.open.first, window.start <= watermark - lengthMillis {
            state.open.removeFirst()
            closed.append(
                ClosedWindow(
                    deviceID: deviceID, range: window.start..<window.start + lengthMillis, samples: window.samples,
                    previous: state.lastClosedSample, next: state.open.first?.samples.first))
            state.lastClosedSample = window.samples.last
        }
        return closed
    }
}
