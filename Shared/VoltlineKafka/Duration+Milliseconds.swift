extension Duration {
    /// Whole milliseconds, clamped to `Int32` as librdkafka's timeouts are C `int`s.
    var milliseconds: Int32 {
        let (seconds, attoseconds) = components
        let millis = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int32(clamping: millis)
    }
}
