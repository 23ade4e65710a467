public import VoltlineKafka

extension KafkaProducer {
    /// Sends `messages` to `topic` and waits for every acknowledgement: messages with the same key one
    /// after another (so they keep their order), different keys concurrently.
    /// - Throws: the first ``KafkaError`` of any send.
    public func sendAll(topic: String, _ messages: [(key: String, value: [UInt8])]) async throws {
        var byKey: [String: [[UInt8]]] = [:]
        for message in messages { byKey[message.key, default: []].append(message.value) }
        try await withThrowingDiscardingTaskGroup { group in
            for (key, values) in byKey {
                group.addTask {
                    for value in values { _ = try await self.send(topic: topic, key: Array(key.utf8), value: value) }
                }
            }
        }
    }
}
