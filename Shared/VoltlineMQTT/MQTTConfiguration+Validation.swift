extension MQTTConfiguration {
    /// Rejects settings libmosquitto would refuse later or misinterpret, with a precise message.
    func validate() throws(MQTTError) {
        func invalid(_ message: String) -> MQTTError { MQTTError(.invalidArgument, message) }
        // Host names, IPv4 and IPv6 literals; anything else would only fail later in a DNS lookup.
        let hostCharacters = host.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) || ".-_:".unicodeScalars.contains($0)
        }
        guard !host.isEmpty, host.utf8.count <= 253, hostCharacters else { throw invalid("malformed host") }
        guard (1...65535).contains(port) else { throw invalid("port \(port) out of range 1...65535") }
        guard !clientID.isEmpty, clientID.utf8.count <= 65535, !clientID.utf8.contains(0) else {
            throw invalid("client id must be 1 to 65535 bytes without NUL")
        }
        guard password == nil || username != nil else { throw invalid("password given without username") }
        guard keepAlive >= .seconds(5) else { throw invalid("keepAlive must be at least 5 seconds") }
        guard connectTimeout > .zero else { throw invalid("connectTimeout must be positive") }
        guard reconnectBackoff.minimumDelay <= reconnectBackoff.maximumDelay else {
            throw invalid("reconnect minimumDelay exceeds maximumDelay")
        }
        guard (1...65535).contains(maxInflightMessages) else { throw invalid("maxInflightMessages must be 1...65535") }
        guard incomingBufferCapacity >= 1 else { throw invalid("incomingBufferCapacity must be at least 1") }
        // 268,435,455 is the largest MQTT packet (remaining length); the topic needs room too.
        guard (0..<268_435_455).contains(maximumPayloadSize) else {
            throw invalid("maximumPayloadSize must be 0..<268435455")
        }
    }
}
