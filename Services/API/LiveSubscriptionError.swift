/// A client's subscribe message could not be used; `message` goes back to the client.
struct LiveSubscriptionError: Error, Sendable {
    var message: String
}
