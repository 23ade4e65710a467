import Synchronization

/// Collects what a background task receives, for assertions from the test.
final class Collector<Element: Sendable>: Sendable {
    private let items = Mutex<[Element]>([])

    /// Adds one received element.
    func append(_ item: Element) {
        items.withLock { $0.append(item) }
    }

    /// Everything received so far.
    var all: [Element] { items.withLock { $0 } }
}
