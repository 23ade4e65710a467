/// An error thrown by ``MQTTClient``.
///
/// Carries what went wrong (``code``), the raw libmosquitto return code or MQTT reason code behind
/// it, the C function that reported it, and where it was thrown. ``description`` is terse and
/// never contains payloads or credentials.
public struct MQTTError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure. A struct rather than an enum so that kinds can be added without
    /// breaking `switch` statements in client code.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case connectionRefused, notAuthorized, unreachable, timeout, connectionLost, notConnected
            case alreadyConnected, invalidArgument, invalidTopic, payloadTooLarge, protocolError, tls
            case subscriptionRejected, publishRejected, library
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The broker refused the connection (CONNACK with a failure reason other than authorization).
        public static let connectionRefused = Code(.connectionRefused)
        /// The broker rejected the credentials or the client is not allowed to do this.
        public static let notAuthorized = Code(.notAuthorized)
        /// The broker could not be reached: name lookup failed, or the TCP connection was refused.
        public static let unreachable = Code(.unreachable)
        /// The broker did not answer within the configured time.
        public static let timeout = Code(.timeout)
        /// The connection dropped while the operation was waiting for the broker.
        public static let connectionLost = Code(.connectionLost)
        /// The client is not connected (never connected, reconnecting, or disconnected).
        public static let notConnected = Code(.notConnected)
        /// ``MQTTClient/connect()`` was called on a client that is connecting or connected.
        public static let alreadyConnected = Code(.alreadyConnected)
        /// A configuration value or argument is malformed (host name, client id, QoS...).
        public static let invalidArgument = Code(.invalidArgument)
        /// A topic name or filter is malformed, or a topic name contains wildcards.
        public static let invalidTopic = Code(.invalidTopic)
        /// The payload exceeds ``MQTTConfiguration/maximumPayloadSize`` or the broker's limit.
        public static let payloadTooLarge = Code(.payloadTooLarge)
        /// The broker or libmosquitto reported a protocol violation.
        public static let protocolError = Code(.protocolError)
        /// TLS setup or the TLS handshake failed.
        public static let tls = Code(.tls)
        /// The broker answered SUBACK with a failure reason code.
        public static let subscriptionRejected = Code(.subscriptionRejected)
        /// The broker answered PUBACK with a failure reason code.
        public static let publishRejected = Code(.publishRejected)
        /// Any other libmosquitto failure (out of memory, unsupported option...).
        public static let library = Code(.library)

        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public let code: Code
    /// A short explanation, free of payloads and credentials.
    public let message: String
    /// The libmosquitto return code (`MOSQ_ERR_*`) when a libmosquitto call failed.
    public let libraryCode: Int?
    /// The MQTT reason code (CONNACK, SUBACK or PUBACK) when the broker refused.
    public let reasonCode: Int?
    /// libmosquitto's text for ``libraryCode`` or ``reasonCode``.
    public let codeDescription: String?
    /// The C function that failed, if any.
    public let function: String?
    /// The source file that threw the error.
    public let file: String
    /// The line that threw the error.
    public let line: Int

    init(
        _ code: Code, _ message: String, libraryCode: Int? = nil, reasonCode: Int? = nil,
        codeDescription: String? = nil, function: String? = nil, file: String = #fileID, line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.libraryCode = libraryCode
        self.reasonCode = reasonCode
        self.codeDescription = codeDescription
        self.function = function
        self.file = file
        self.line = line
    }

    /// Whether trying the same operation again later may succeed (the broker or network may recover).
    public var isRetriable: Bool {
        [.unreachable, .timeout, .connectionLost, .notConnected].contains(code)
    }

    public var description: String {
        var text = "MQTTError.\(code): \(message)"
        if let function { text += " [\(function)" + (libraryCode.map { " rc=\($0)" } ?? "") + "]" }
        if let reasonCode { text += " [reason 0x\(String(reasonCode, radix: 16))]" }
        if let codeDescription { text += " (\(codeDescription))" }
        return text + " at \(file):\(line)"
    }
}
