/// One WebSocket text frame for `/api/v1/live`, with what subscription filters look at.
struct LiveFrame: Sendable {
    /// What the frame carries; the `type` field of its JSON.
    enum Kind: String, Sendable, Hashable, Decodable {
        case reading
        case alert
    }

    var kind: Kind
    /// The device the frame concerns.
    var device: String
    /// The JSON object sent to clients.
    var text: String
}
