/// Settings of one ``MQTTClient``: where to connect, how to authenticate, session and flow control.
public struct MQTTConfiguration: Sendable {
    /// The MQTT protocol version spoken to the broker.
    public enum ProtocolVersion: Sendable, Hashable {
        /// MQTT 5: reason codes on every acknowledgement, session expiry, shared subscriptions.
        case v5
        /// MQTT 3.1.1, for older brokers.
        case v311
    }

    /// TLS settings; files are PEM encoded and read by libmosquitto when the client is created.
    public struct TLS: Sendable {
        /// The CA certificate(s) used to verify the broker.
        public var caFile: String
        /// The client certificate, for brokers that require mutual TLS.
        public var certificateFile: String?
        /// The client certificate's private key (must not be password protected).
        public var keyFile: String?
        /// Skips verifying the broker's host name against its certificate. Only for testing.
        public var insecure: Bool

        /// Creates TLS settings.
        public init(caFile: String, certificateFile: String? = nil, keyFile: String? = nil, insecure: Bool = false) {
            self.caFile = caFile
            self.certificateFile = certificateFile
            self.keyFile = keyFile
            self.insecure = insecure
        }
    }

    /// How libmosquitto's network thread waits between automatic reconnect attempts.
    ///
    /// libmosquitto counts in whole seconds, so sub-second delays are rounded up to one second.
    public struct ReconnectBackoff: Sendable {
        /// The delay before the first reconnect attempt.
        public var minimumDelay: Duration
        /// The longest delay between attempts.
        public var maximumDelay: Duration
        /// Doubles the delay after each failed attempt (up to ``maximumDelay``) instead of growing linearly.
        public var exponential: Bool

        /// Creates a backoff policy.
        public init(
            minimumDelay: Duration = .seconds(1), maximumDelay: Duration = .seconds(30), exponential: Bool = true
        ) {
            self.minimumDelay = minimumDelay
            self.maximumDelay = maximumDelay
            self.exponential = exponential
        }
    }

    /// The broker's host name or IP address.
    public var host: String
    /// The broker's TCP port (1883 plain, 8883 TLS by convention).
    public var port: Int
    /// The client identifier; a persistent session belongs to it, so it must be stable and unique.
    public var clientID: String
    /// The user name sent in CONNECT, if the broker requires one.
    public var username: String?
    /// The password sent in CONNECT; only used together with ``username``.
    public var password: String?
    /// TLS settings; `nil` connects in plain TCP.
    public var tls: TLS?
    /// The protocol version; defaults to MQTT 5.
    public var protocolVersion: ProtocolVersion
    /// Keeps the session (subscriptions and queued QoS 1 messages) on the broker across
    /// disconnects: CONNECT is sent with clean start / clean session off.
    public var persistentSession: Bool
    /// How long an MQTT 5 broker keeps a persistent session after the client disconnected.
    /// An MQTT 5 broker drops the session at once when this is zero, so it is sent only with
    /// ``persistentSession``; MQTT 3.1.1 brokers use their own expiry setting.
    public var sessionExpiry: Duration
    /// The keep-alive interval; the broker drops the client after 1.5 times this without traffic.
    /// libmosquitto requires at least five seconds.
    public var keepAlive: Duration
    /// The delays between automatic reconnect attempts.
    public var reconnectBackoff: ReconnectBackoff
    /// How long ``MQTTClient/connect()`` waits for the TCP connection and the broker's CONNACK.
    public var connectTimeout: Duration
    /// The most outgoing QoS 1 and 2 messages awaiting acknowledgement at once; further
    /// publications queue inside libmosquitto.
    public var maxInflightMessages: Int
    /// The most received messages buffered for ``MQTTClient/messages`` before the network thread
    /// stops reading. Small on purpose: buffered messages are already acknowledged.
    public var incomingBufferCapacity: Int
    /// The largest payload ``MQTTClient/publish(topic:payload:qos:retain:)`` accepts, in bytes.
    public var maximumPayloadSize: Int

    /// Creates a configuration; every setting but the address and client identifier has a default.
    public init(
        host: String = "127.0.0.1",
        port: Int = 1883,
        clientID: String,
        username: String? = nil,
        password: String? = nil,
        tls: TLS? = nil,
        protocolVersion: ProtocolVersion = .v5,
        persistentSession: Bool = false,
        sessionExpiry: Duration = .seconds(3600),
        keepAlive: Duration = .seconds(30),
        reconnectBackoff: ReconnectBackoff = ReconnectBackoff(),
        connectTimeout: Duration = .seconds(10),
        maxInflightMessages: Int = 20,
        incomingBufferCapacity: Int = 32,
        maximumPayloadSize: Int = 256 * 1024
    ) {
        self.host = host
        self.port = port
        self.clientID = clientID
        self.username = username
        self.password = password
        self.tls = tls
        self.protocolVersion = protocolVersion
        self.persistentSession = persistentSession
        self.sessionExpiry = sessionExpiry
        self.keepAlive = keepAlive
        self.reconnectBackoff = reconnectBackoff
        self.connectTimeout = connectTimeout
        self.maxInflightMessages = maxInflightMessages
        self.incomingBufferCapacity = incomingBufferCapacity
        self.maximumPayloadSize = maximumPayloadSize
    }
}
