/// One timed run of one side (ours or a tool) of a benchmark row.
struct Measurement: Encodable, Sendable {
    /// What ran, for example `MQTTClient` or `mosquitto_pub | mosquitto_sub`.
    var name: String
    /// Messages or rows the run was asked to move.
    var expected: Int
    /// Messages or rows that arrived (received, acknowledged or counted in the table).
    var delivered: Int
    /// Payload bytes moved (message payloads, or the COPY text of the rows).
    var bytes: Int
    /// Wall-clock seconds.
    var seconds: Double

    /// Messages or rows per second, counting only what arrived.
    var rate: Double { seconds > 0 ? Double(delivered) / seconds : 0 }

    /// Megabytes (10⁶ bytes) per second.
    var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / seconds / 1_000_000 : 0 }

    /// Messages or rows that did not arrive.
    var lost: Int { expected - delivered }

    init(name: String, expected: Int, delivered: Int, bytes: Int, seconds: Double) {
        self.name = name
        self.expected = expected
        self.delivered = delivered
        self.bytes = bytes
        self.seconds = seconds
    }

    init(name: String, expected: Int, delivered: Int, bytes: Int, elapsed: Duration) {
        self.init(name: name, expected: expected, delivered: delivered, bytes: bytes, seconds: elapsed.seconds)
    }

    private enum CodingKeys: String, CodingKey {
        case name, expected, delivered, bytes, seconds, rate, megabytesPerSecond, lost
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(expected, forKey: .expected)
        try container.encode(delivered, forKey: .delivered)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(seconds, forKey: .seconds)
        try container.encode(rate, forKey: .rate)
        try container.encode(megabytesPerSecond, forKey: .megabytesPerSecond)
        try container.encode(lost, forKey: .lost)
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
