import Foundation

extension Date {
    /// The date `millis` milliseconds after the Unix epoch.
    init(epochMilliseconds millis: Int64) {
        self.init(timeIntervalSince1970: Double(millis) / 1000)
    }

    /// Milliseconds since the Unix epoch, rounded: how the API writes every time.
    var epochMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
}
