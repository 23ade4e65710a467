import VoltlineSimulation

/// A fault to start at a fixed simulated delay after startup, for demos and tests:
/// `overheat:pack-byd-blade-01:after=30s` (units `ms`, `s`, `m`, `h`; a bare number is seconds).
struct FaultScenario: Sendable, Hashable {
    var fault: FaultKind
    var deviceID: String
    /// Simulated time from the start to the fault's onset, in ms.
    var afterMillis: Int64

    /// Parses `fault:device:after=delay`; nil when malformed.
    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let fault = FaultKind(contractName: String(parts[0])), !parts[1].isEmpty,
            parts[2].hasPrefix("after="), let afterMillis = Self.millis(parts[2].dropFirst("after=".count))
        else { return nil }
        self.fault = fault
        deviceID = String(parts[1])
        self.afterMillis = afterMillis
    }

    private static func millis(_ text: Substring) -> Int64? {
        let units: [(suffix: String, millis: Double)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        let unit = units.first { text.hasSuffix($0.suffix) } ?? ("", 1000)
        guard let value = Double(text.dropLast(unit.suffix.count)), value >= 0, value.isFinite else { return nil }
        return Int64((value * unit.millis).rounded())
    }
}
