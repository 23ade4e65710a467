import CMosquitto

/// A `struct mosquitto *` that may cross concurrency domains.
///
/// `@unchecked Sendable` is safe because libmosquitto built with threading support (Debian's is)
/// guards each handle's state with its own mutexes, so the functions used here may be called from
/// any thread while `mosquitto_loop_start`'s network thread runs. The pointer is created and
/// destroyed by ``MQTTClient`` only and never leaves this module.
struct MosquittoHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}
