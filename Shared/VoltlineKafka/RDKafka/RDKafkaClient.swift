import CRdKafka

/// Owns one `rd_kafka_t`: created in `init`, destroyed in `deinit`.
///
/// Ownership: `rd_kafka_new` takes the `rd_kafka_conf_t` only when it succeeds; on failure the conf
/// is still ours and is destroyed here. The ``callbacks`` object is referenced unretained by the C
/// handle and lives as long as this object, whose `deinit` destroys the handle before releasing it.
final class RDKafkaClient: @unchecked Sendable {
    // @unchecked: `handle` is immutable and librdkafka documents rd_kafka_t as safe to use from any
    // thread; it is freed only in deinit, when no other reference exists.
    let handle: OpaquePointer
    let callbacks: RDKafkaCallbacks

    /// Creates a librdkafka client.
    /// - Throws: ``KafkaError`` with code ``KafkaError/Code/invalidConfiguration`` when a property is
    ///   unknown or invalid, carrying librdkafka's explanation.
    init(type: rd_kafka_type_t, properties: [String: String], callbacks: RDKafkaCallbacks) throws {
        guard let conf = rd_kafka_conf_new() else {
            throw KafkaError(RD_KAFKA_RESP_ERR__CRIT_SYS_RESOURCE, function: "rd_kafka_conf_new")
        }
        var errorText = [CChar](repeating: 0, count: 512)
        for (name, value) in properties.sorted(by: { $0.key < $1.key }) {
            let result = rd_kafka_conf_set(conf, name, value, &errorText, errorText.count)
            guard result == RD_KAFKA_CONF_OK else {
                rd_kafka_conf_destroy(conf)
                throw KafkaError(
                    RD_KAFKA_RESP_ERR__INVALID_ARG, function: "rd_kafka_conf_set",
                    message: String(nulTerminated: errorText), code: .invalidConfiguration)
            }
        }
        callbacks.install(on: conf)
        guard let handle = rd_kafka_new(type, conf, &errorText, errorText.count) else {
            rd_kafka_conf_destroy(conf)
            throw KafkaError(
                RD_KAFKA_RESP_ERR__INVALID_ARG, function: "rd_kafka_new", message: String(nulTerminated: errorText),
                code: .invalidConfiguration)
        }
        self.handle = handle
        self.callbacks = callbacks
    }

    deinit {
        rd_kafka_destroy(handle)
    }
}
