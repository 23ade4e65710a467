import CRdKafka

/// An error from the Kafka client: what went wrong (``code``), librdkafka's own code and text,
/// the C function that reported it and where in this library it was thrown.
///
/// ``description`` is deliberately terse and never contains message payloads.
public struct KafkaError: Error, Sendable, CustomStringConvertible {
    /// A category of Kafka error. New categories may be added, so `switch` with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case invalidConfiguration
            case messageTimedOut
            case messageTooLarge
            case offsetOutOfRange
            case topicAlreadyExists
            case unsupportedFeature
            case timedOut
            case transport
            case fatal
            case closed
            case broker
            case client
        }

        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// A librdkafka configuration property was unknown or had an invalid value.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// A message was not delivered within `message.timeout.ms` (for example, no broker reachable).
        public static let messageTimedOut = Code(.messageTimedOut)
        /// A message is larger than `message.max.bytes` or the broker's limit.
        public static let messageTooLarge = Code(.messageTooLarge)
        /// A consumer's position is outside the partition's log: the data was trimmed (or never existed).
        /// The consumer never silently resets; this is a data-loss signal.
        public static let offsetOutOfRange = Code(.offsetOutOfRange)
        /// A topic to be created already exists.
        public static let topicAlreadyExists = Code(.topicAlreadyExists)
        /// The broker does not support the request.
        public static let unsupportedFeature = Code(.unsupportedFeature)
        /// A blocking operation (flush, commit, admin request) did not finish in time.
        public static let timedOut = Code(.timedOut)
        /// The client could not reach or talk to the brokers.
        public static let transport = Code(.transport)
        /// The client hit a fatal error (for example, the idempotent producer lost its guarantees).
        public static let fatal = Code(.fatal)
        /// The client was already shut down or closed.
        public static let closed = Code(.closed)
        /// Any other error returned by a broker.
        public static let broker = Code(.broker)
        /// Any other error raised inside librdkafka.
        public static let client = Code(.client)

        public var description: String { String(describing: value) }

        /// Classifies a librdkafka error code.
        init(_ err: rd_kafka_resp_err_t) {
            switch err {
            case RD_KAFKA_RESP_ERR__INVALID_ARG: self = .invalidConfiguration
            case RD_KAFKA_RESP_ERR__MSG_TIMED_OUT: self = .messageTimedOut
            case RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE: self = .messageTooLarge
            case RD_KAFKA_RESP_ERR_OFFSET_OUT_OF_RANGE, RD_KAFKA_RESP_ERR__AUTO_OFFSET_RESET:
                self = .offsetOutOfRange
            case RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS: self = .topicAlreadyExists
            case RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE, RD_KAFKA_RESP_ERR_UNSUPPORTED_VERSION:
                self = .unsupportedFeature
            case RD_KAFKA_RESP_ERR__TIMED_OUT, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT: self = .timedOut
            case RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN, RD_KAFKA_RESP_ERR__RESOLVE:
                self = .transport
            case RD_KAFKA_RESP_ERR__FATAL: self = .fatal
            case RD_KAFKA_RESP_ERR__DESTROY: self = .closed
            default: self = err.rawValue > 0 ? .broker : .client
            }
        }
    }

    /// The category of this error.
    public let code: Code
    /// librdkafka's `rd_kafka_resp_err_t` value (negative: raised locally, positive: from a broker).
    public let rawCode: Int32
    /// librdkafka's text for the error (`rd_kafka_err2str`, or the `errstr` a C function filled in).
    public let message: String
    /// The librdkafka function that reported the error.
    public let function: String
    /// Whether retrying the same operation later may succeed.
    public let isRetriable: Bool
    /// Whether the client is unusable after this error and must be recreated.
    public let isFatal: Bool
    /// The source file in this library that threw the error.
    public let file: String
    /// The source line in this library that threw the error.
    public let line: Int

    init(
        _ err: rd_kafka_resp_err_t, function: String, message: String? = nil, code: Code? = nil,
        isRetriable: Bool = false, isFatal: Bool = false, file: String = #fileID, line: Int = #line
    ) {
        self.code = code ?? Code(err)
        self.rawCode = err.rawValue
        self.message = message ?? String(cString: rd_kafka_err2str(err))
        self.function = function
        self.isRetriable = isRetriable || err == RD_KAFKA_RESP_ERR__QUEUE_FULL || err == RD_KAFKA_RESP_ERR__TIMED_OUT
        self.isFatal = isFatal || err == RD_KAFKA_RESP_ERR__FATAL
        self.file = file
        self.line = line
    }

    /// Takes ownership of an `rd_kafka_error_t` (and destroys it), keeping its retriable/fatal flags.
    init(consuming error: OpaquePointer, function: String, file: String = #fileID, line: Int = #line) {
        defer { rd_kafka_error_destroy(error) }
        self.init(
            rd_kafka_error_code(error), function: function, message: String(cString: rd_kafka_error_string(error)),
            isRetriable: rd_kafka_error_is_retriable(error) != 0, isFatal: rd_kafka_error_is_fatal(error) != 0,
            file: file, line: line)
    }

    public var description: String {
        "KafkaError.\(code) (\(rawCode)) in \(function): \(message) [\(file):\(line)]"
    }
}
