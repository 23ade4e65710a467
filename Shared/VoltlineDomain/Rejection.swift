/// Why an input was refused. The ``code`` is stable: it names the dead-letter reason and labels the
/// rejection counter, so the set of codes is fixed here and never built from input.
public struct RejectionReason: Sendable, Hashable, CustomStringConvertible {
    /// The stable, snake_case code.
    public let code: String

    private init(_ code: String) { self.code = code }

    public var description: String { code }

    /// The payload is larger than the accepted maximum.
    public static let oversized = RejectionReason("oversized")
    /// The payload is not valid JSON (or not UTF-8).
    public static let malformedJSON = RejectionReason("malformed_json")
    /// A required field is missing.
    public static let missingField = RejectionReason("missing_field")
    /// A field has the wrong JSON type (a string where a number belongs, say).
    public static let wrongType = RejectionReason("wrong_type")
    /// The device id is empty, too long or has characters outside `[A-Za-z0-9._-]`.
    public static let invalidDeviceID = RejectionReason("invalid_device_id")
    /// The device kind is not one of `machine`, `battery_pack`.
    public static let unknownKind = RejectionReason("unknown_kind")
    /// A metric name is not defined for the device kind.
    public static let unknownMetric = RejectionReason("unknown_metric")
    /// A unit is not known for that metric.
    public static let wrongUnit = RejectionReason("wrong_unit")
    /// A value is NaN or infinite.
    public static let notFinite = RejectionReason("not_finite")
    /// A value is outside its physically plausible range.
    public static let outOfRange = RejectionReason("out_of_range")
    /// The event time is further in the future than the allowed clock skew.
    public static let timestampInFuture = RejectionReason("timestamp_in_future")
    /// The event time is older than the accepted lateness.
    public static let timestampTooOld = RejectionReason("timestamp_too_old")
    /// A batch has more readings than allowed.
    public static let batchTooLarge = RejectionReason("batch_too_large")
    /// The device is not registered and the policy does not register it automatically.
    public static let unknownDevice = RejectionReason("unknown_device")
    /// The device is registered with another kind than the reading claims.
    public static let kindMismatch = RejectionReason("kind_mismatch")
    /// The same sample (device, event time, sequence) was already accepted.
    public static let duplicate = RejectionReason("duplicate")

    /// Every reason, for registering one counter per code up front.
    public static let all: [RejectionReason] = [
        .oversized, .malformedJSON, .missingField, .wrongType, .invalidDeviceID, .unknownKind, .unknownMetric,
        .wrongUnit, .notFinite, .outOfRange, .timestampInFuture, .timestampTooOld, .batchTooLarge, .unknownDevice,
        .kindMismatch, .duplicate,
    ]
}

/// One refused input with its reason: what goes to the dead-letter topic.
public struct Rejection: Error, Sendable, Hashable {
    /// Why it was refused.
    public var reason: RejectionReason
    /// A short human-readable explanation naming the field and the offending value.
    public var detail: String
    /// The position of the reading inside a batch, when the payload was a batch.
    public var index: Int?
    /// The device id, when it could be read.
    public var deviceID: String?

    /// Creates a rejection.
    public init(_ reason: RejectionReason, _ detail: String, index: Int? = nil, deviceID: String? = nil) {
        self.reason = reason
        self.detail = detail
        self.index = index
        self.deviceID = deviceID
    }
}
