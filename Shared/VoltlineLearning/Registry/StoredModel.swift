/// A trained model as the registry keeps it (table `models`, migration 0012): what it is for, which data
/// trained it, how good it was, and its bytes.
public struct StoredModel: Sendable, Hashable {
    /// The kind of model.
    public var kind: ModelKind
    /// What it serves: a device kind (`machine`, `battery_pack`) or a device, line or site id.
    public var subject: String
    /// Version, rising by one per training of the same kind and subject (0 until stored).
    public var version: Int
    /// The training window, seconds since the epoch.
    public var trainedFrom: Int64
    public var trainedUntil: Int64
    /// Quality measured at training time, e.g. `calibration_mae` or `training_rows`.
    public var metrics: [String: Double]
    /// The model's own serialized form.
    public var payload: [UInt8]

    /// Creates a record.
    public init(
        kind: ModelKind, subject: String, version: Int = 0, trainedFrom: Int64, trainedUntil: Int64,
        metrics: [String: Double], payload: [UInt8]
    ) {
        self.kind = kind
        self.subject = subject
        self.version = version
        self.trainedFrom = trainedFrom
        self.trainedUntil = trainedUntil
        self.metrics = metrics
        self.payload = payload
    }
}
