import Foundation
import VoltlineTestSupport
import Testing
import VoltlineMQTT

@Suite("MQTTClient against a real mosquitto", .timeLimit(.minutes(1)))
struct MQTTClientTests {
    @Test("a QoS 1 message round-trips with identical payload bytes")
    func qos1RoundTrip() async throws {
        try await TestBroker.with { broker in
            let topic = TestBroker.unique("voltline/roundtrip")
            let subscriber = try await broker.connectedClient()
            let granted = try await subscriber.subscribe(to: topic, qos: .atLeastOnce)
            #expect(granted == .atLeastOnce)
            let collector = MessageCollector(subscriber.messages)
            let publisher = try await broker.connectedClient()
            let payload = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) } + [0, 0, 255]

            try await publisher.publish(topic: topic, payload: payload, qos: .atLeastOnce)
            try await collector.wait(forCount: 1)

            let message = try #require(collector.messages.first)
            #expect(message.topic == topic)
            #expect(message.payload == payload)
            #expect(message.qos == .atLeastOnce)
            #expect(message.retain == false)
            await publisher.disconnect()
            await subscriber.disconnect()
            try await collector.finished()
            #expect(collector.messages.count == 1)
        }
    }

    @Test("a persistent session receives the QoS 1 messages published while it was away")
    func persistentSessionResumes() async throws {
        try await TestBroker.with { broker in
            let clientID = TestBroker.unique("persistent")
            let topic = TestBroker.unique("voltline/persistent")
            let persistent = { (configuration: inout MQTTConfiguration) in
                configuration.persistentSession = true
                configuration.sessionExpiry = .seconds(300)
            }
            let first = try await broker.connectedClient(clientID: clientID, persistent)
            try await first.subscribe(to: topic, qos: .atLeastOnce)
            await first.disconnect()

            let publisher = try await broker.connectedClient()
            let expected = Set((0..<50).map { "m\($0)" })
            for text in expected.sorted() {
                try await publisher.publish(topic: topic, payload: Array(text.utf8), qos: .atLeastOnce)
            }

            let resumed = try await broker.connectedClient(clientID: clientID, persistent)
            let collector = MessageCollector(resumed.messages)
            try await collector.wait(forCount: expected.count)
            try await Task.sleep(for: .milliseconds(200))  // a duplicate would arrive right behind
            #expect(Set(collector.texts) == expected)
            #expect(collector.messages.count == expected.count)
            #expect(collector.messages.allSatisfy { $0.topic == topic })
            await resumed.disconnect()
            await publisher.disconnect()
        }
    }

    @Test("after the broker restarts the client reconnects, resubscribes and keeps receiving")
    func reconnectsAndResubscribes() async throws {
        try await TestBroker.with { broker in
            let topic = TestBroker.unique("voltline/restart")
            let subscriber = try await broker.connectedClient()
            try await subscriber.subscribe(to: topic, qos: .atLeastOnce)
            let collector = MessageCollector(subscriber.messages)

            await broker.stop()
            try await waitUntil("reconnecting") { subscriber.connectionState == .reconnecting }
            try await broker.start()
            try await waitUntil("reconnected") { subscriber.isConnected }
            #expect(subscriber.reconnectCount == 1)

            // The clean session died with the broker; a probe shows the renewed subscription is active.
            let publisher = try await broker.connectedClient()
            try await waitUntil("resubscribed") {
                try await publisher.publish(topic: topic, payload: Array("probe".utf8), qos: .atMostOnce)
                return collector.texts.contains("probe")
            }
            let expected = (0..<20).map { "after-restart-\($0)" }
            for text in expected {
                try await publisher.publish(topic: topic, payload: Array(text.utf8), qos: .atLeastOnce)
            }
            try await collector.wait("messages after restart") { messages in
                Set(messages.map { String(decoding: $0.payload, as: UTF8.self) }).isSuperset(of: expected)
            }
            #expect(collector.texts.filter { $0 != "probe" } == expected)
            #expect(subscriber.isConnected)
            await publisher.disconnect()
            await subscriber.disconnect()
        }
    }

    @Test("two members of a shared subscription split the messages without loss or duplicates")
    func sharedSubscriptionSplits() async throws {
        try await TestBroker.with { broker in
            let topic = TestBroker.unique("voltline/shared")
            let members = [try await broker.connectedClient(), try await broker.connectedClient()]
            var collectors: [MessageCollector] = []
            for member in members {
                try await member.subscribe(to: "$share/g/\(topic)", qos: .atLeastOnce)
                collectors.append(MessageCollector(member.messages))
            }
            let publisher = try await broker.connectedClient()
            let total = 2_000
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<total {
                    group.addTask {
                        try await publisher.publish(topic: topic, payload: Array("\(index)".utf8), qos: .atLeastOnce)
                    }
                }
                try await group.waitForAll()
            }
            try await waitUntil("all shared messages") { collectors.map(\.messages.count).reduce(0, +) >= total }
            try await Task.sleep(for: .milliseconds(300))  // duplicates would arrive right behind

            let received = collectors.flatMap(\.texts).compactMap(Int.init)
            #expect(received.count == total)
            #expect(Set(received) == Set(0..<total))
            #expect(collectors.allSatisfy { !$0.messages.isEmpty })
            await publisher.disconnect()
            for member in members { await member.disconnect() }
        }
    }

    @Test("a stalled consumer loses nothing: backpressure keeps the backlog on the broker")
    func backpressureLosesNothing() async throws {
        try await TestBroker.with { broker in
            let topic = TestBroker.unique("voltline/backpressure")
            let subscriber = try await broker.connectedClient { $0.incomingBufferCapacity = 4 }
            try await subscriber.subscribe(to: topic, qos: .atLeastOnce)
            let publisher = try await broker.connectedClient()
            let total = 5_000
            for index in 0..<total - 1 {
                try await publisher.publish(
                    topic: topic, payload: Array("\(index)".utf8), qos: .atLeastOnce, awaitAcknowledgement: false)
            }
            // QoS 1 messages from one client are acknowledged in order, so this covers all of them.
            try await publisher.publish(topic: topic, payload: Array("\(total - 1)".utf8), qos: .atLeastOnce)
            try await Task.sleep(for: .milliseconds(500))  // the consumer is still not reading
            #expect(subscriber.isConnected)

            var received: [Int] = []
            for try await message in subscriber.messages {
                received.append(Int(String(decoding: message.payload, as: UTF8.self)) ?? -1)
                if received.count == total { break }
            }
            #expect(received == Array(0..<total))
            await publisher.disconnect()
            await subscriber.disconnect()
        }
    }
}
