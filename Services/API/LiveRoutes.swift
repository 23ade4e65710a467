import Hummingbird
import HummingbirdWebSocket

/// `GET /api/v1/live`: a WebSocket of JSON text frames.
///
/// On connect the server sends `{"type":"connected"}`, then every live frame (`"type":"reading"` or
/// `"alert"`) that matches the client's subscription (everything until it subscribes). A client sends
/// `{"subscribe": {"devices": [...], "types": [...]}}` to filter; the server answers `{"type":"subscribed"}`,
/// or `{"type":"error","message":"..."}` for a message it cannot use.
struct LiveRoutes: Sendable {
    let broadcaster: LiveBroadcaster

    /// Largest client message accepted.
    private static let maximumMessageSize = 64 * 1024

    /// Adds the route to `router`.
    func register(on router: Router<APIRequestContext>) {
        router.ws("api/v1/live") { inbound, outbound, _ in
            let (id, frames) = broadcaster.connect()
            defer { broadcaster.disconnect(id) }
            try await outbound.write(.text(#"{"type":"connected"}"#))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await frame in frames { try await outbound.write(.text(frame.text)) }
                }
                for try await message in inbound.messages(maxSize: Self.maximumMessageSize) {
                    guard case .text(let text) = message else {
                        try await outbound.write(.text(Self.error("send subscriptions as text frames")))
                        continue
                    }
                    let subscription: LiveSubscription
                    do throws(LiveSubscriptionError) {
                        subscription = try LiveSubscription(json: text)
                    } catch {
                        try await outbound.write(.text(Self.error(error.message)))
                        continue
                    }
                    broadcaster.subscribe(id, to: subscription)
                    try await outbound.write(.text(#"{"type":"subscribed"}"#))
                }
                group.cancelAll()
            }
        }
    }

    /// An error frame; `message` is ours, so it only needs its quotes and backslashes escaped.
    private static func error(_ message: String) -> String {
        let escaped = message.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return #"{"type":"error","message":""# + escaped + #""}"#
    }
}
