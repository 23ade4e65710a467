extension Duration {
    /// The duration in whole seconds, rounded up and clamped to `minimum...UInt32.max`, the unit
    /// libmosquitto and MQTT use for keep-alive, reconnect delays and session expiry.
    func wholeSeconds(minimum: UInt32 = 0) -> UInt32 {
        let (seconds, attoseconds) = components
        let rounded = seconds + (attoseconds > 0 ? 1 : 0)
        return UInt32(clamping: max(Int64(minimum), rounded))
    }
}
