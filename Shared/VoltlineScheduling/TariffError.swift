/// Why a tariff definition cannot be used.
public struct TariffError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, naming the season, month or period.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
