import Metrics

/// The features service's metrics, created once with fixed labels.
struct FeaturesMetrics: Sendable {
    let readingsConsumed = Counter(label: "voltline_features_readings_consumed_total")
    let minutesWritten = Counter(label: "voltline_features_written_total", dimensions: [("table", "features_1m")])
    let intervalsWritten = Counter(label: "voltline_features_written_total", dimensions: [("table", "energy_15m")])
    let segmentsWritten = Counter(label: "voltline_features_written_total", dimensions: [("table", "battery_segments")])
    let lateReadings = Counter(label: "voltline_features_late_readings_total")
    let undecodable = Counter(label: "voltline_features_undecodable_total")
    let openDevices = Gauge(label: "voltline_features_open_devices")
    let lag = Gauge(label: "voltline_features_consumer_lag")
}
