import Foundation

/// What a live client wants: `{"subscribe": {"devices": [...], "types": ["reading", "alert"]}}`.
/// A missing or `null` list means everything; a new subscription replaces the previous one.
struct LiveSubscription: Sendable, Equatable {
    /// Devices to receive, or `nil` for all.
    var devices: Set<String>?
    /// Frame kinds to receive, or `nil` for all.
    var kinds: Set<LiveFrame.Kind>?

    /// Everything.
    static let all = LiveSubscription(devices: nil, kinds: nil)

    /// Whether `frame` passes the filter.
    func matches(_ frame: LiveFrame) -> Bool {
        (devices?.contains(frame.device) ?? true) && (kinds?.contains(frame.kind) ?? true)
    }

    /// Parses a client message.
    /// - Throws: ``LiveSubscriptionError`` saying what was wrong.
    init(json text: String) throws(LiveSubscriptionError) {
        struct Message: Decodable {
            struct Filter: Decodable {
                var devices: [String]?
                var types: [String]?
            }
            var subscribe: Filter
        }
        let message: Message
        do {
            message = try JSONDecoder().decode(Message.self, from: Data(text.utf8))
        } catch {
            throw LiveSubscriptionError(
                message: #"expected {"subscribe": {"devices": [...], "types": ["reading", "alert"]}}"#)
        }
        var kinds: Set<LiveFrame.Kind>?
        if let types = message.subscribe.types {
            kinds = []
            for type in types {
                guard let kind = LiveFrame.Kind(rawValue: type) else {
                    throw LiveSubscriptionError(message: "unknown type \"\(type)\"; use reading or alert")
                }
                kinds?.insert(kind)
            }
        }
        self.init(devices: message.subscribe.devices.map(Set.init), kinds: kinds)
    }

    /// A subscription with the given filters.
    init(devices: Set<String>?, kinds: Set<LiveFrame.Kind>?) {
        self.devices = devices
        self.kinds = kinds
    }
}
