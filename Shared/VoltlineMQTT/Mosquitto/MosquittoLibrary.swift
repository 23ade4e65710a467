import CMosquitto

/// Process-wide libmosquitto initialisation.
enum MosquittoLibrary {
    /// `mosquitto_lib_init` must run once before any other call and is not thread safe; a static
    /// `let` is initialised exactly once, atomically. `mosquitto_lib_cleanup` is never called: other
    /// clients may live until the process exits, and the OS reclaims what it would free.
    private static let initialized: Void = {
        _ = mosquitto_lib_init()
    }()

    /// Initialises libmosquitto if this process has not done so yet.
    static func ensureInitialized() {
        initialized
    }

    /// Whether `rc` is `MOSQ_ERR_SUCCESS`.
    static func succeeded(_ rc: Int32) -> Bool {
        rc == MOSQ_ERR_SUCCESS.rawValue
    }
}
