import CMosquitto
import Logging

/// libmosquitto's callbacks. They run on the network thread started by `mosquitto_loop_start`,
/// one at a time, with libmosquitto's callback mutex held; `obj` is the client's ``ClientContext``
/// (unretained: the client stops that thread before the context can be freed). The pointers they
/// receive are only valid during the call, so everything is copied into Swift values here.
enum MosquittoCallbacks {
    static func install(on handle: OpaquePointer) {
        mosquitto_connect_v5_callback_set(handle) { mosq, obj, reasonCode, flags, _ in
            // Bit 0 of the CONNACK flags is "session present".
            let context = ClientContext.from(obj)
            let renew = context.connectAcknowledged(reasonCode: reasonCode, sessionPresent: flags & 1 != 0)
            guard let mosq else { return }
            for (filter, qos) in renew {
                // Calling subscribe from inside a callback is allowed; its SUBACK is handled later on
                // this same thread, so registering the message id after the call cannot race.
                var mid: Int32 = 0
                let rc = mosquitto_subscribe_v5(mosq, &mid, filter, Int32(qos.rawValue), 0, nil)
                if MosquittoLibrary.succeeded(rc) {
                    context.state.withLock { $0.pending[mid] = .resubscribe(filter: filter) }
                } else {
                    context.logger.warning(
                        "MQTT resubscription failed",
                        metadata: [
                            LogKey.filter: "\(filter)",
                            LogKey.error: "\(MQTTError.mosquitto(rc, function: "mosquitto_subscribe_v5"))",
                        ])
                }
            }
        }
        mosquitto_disconnect_v5_callback_set(handle) { _, obj, rc, _ in
            ClientContext.from(obj).connectionLost(reasonCode: rc)
        }
        mosquitto_publish_v5_callback_set(handle) { _, obj, mid, reasonCode, _ in
            ClientContext.from(obj).acknowledged(mid: mid, reasonCode: reasonCode)
        }
        mosquitto_subscribe_v5_callback_set(handle) { _, obj, mid, count, grantedQoS, _ in
            // One filter per SUBSCRIBE, so the first granted QoS (or failure code) is the answer.
            let reasonCode = count > 0 ? grantedQoS?[0] ?? 0x80 : 0x80
            ClientContext.from(obj).acknowledged(mid: mid, reasonCode: reasonCode)
        }
        mosquitto_unsubscribe_v5_callback_set(handle) { _, obj, mid, _ in
            ClientContext.from(obj).acknowledged(mid: mid, reasonCode: 0)
        }
        mosquitto_message_v5_callback_set(handle) { _, obj, message, _ in
            guard let message = message?.pointee, let topic = message.topic else { return }
            let payload: [UInt8] =
                if let bytes = message.payload, message.payloadlen > 0 {
                    Array(UnsafeRawBufferPointer(start: bytes, count: Int(message.payloadlen)))
                } else {
                    []
                }
            ClientContext.from(obj).received(
                MQTTMessage(
                    topic: String(cString: topic), payload: payload,
                    qos: MQTTQoS(rawValue: Int(message.qos)) ?? .atMostOnce, retain: message.retain))
        }
        mosquitto_log_callback_set(handle) { _, obj, level, text in
            guard let text else { return }
            // Packet traces are debug in libmosquitto and trace here; everything else is debug:
            // the client reports what matters itself, so libmosquitto's chatter stays low.
            ClientContext.from(obj).logger.log(
                level: level == MOSQ_LOG_DEBUG ? .trace : .debug, "\(String(cString: text))",
                metadata: [LogKey.mosquittoLevel: "\(level)"])
        }
    }
}

extension ClientContext {
    /// The context behind libmosquitto's `obj`, set by `mosquitto_new` in ``MQTTClient/init(configuration:logger:)``.
    static func from(_ obj: UnsafeMutableRawPointer?) -> ClientContext {
        Unmanaged<ClientContext>.fromOpaque(obj!).takeUnretainedValue()
    }
}
