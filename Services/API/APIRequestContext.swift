import Foundation
import Hummingbird
import HummingbirdWebSocket

/// The request context of the API router: WebSocket upgrades, and JSON with snake_case keys.
struct APIRequestContext: RequestContext, WebSocketRequestContext {
    var coreContext: CoreRequestContextStorage
    let webSocket: WebSocketHandlerReference<Self>

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        webSocket = .init()
    }

    /// Encodes responses with snake_case keys (`deviceID` becomes `device_id`) and sorted keys.
    var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    /// Decodes request bodies with snake_case keys.
    var requestDecoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
