/// The energy of one window from its hold spans: by the meter's counter when that is usable, else by
/// integrating power.
///
/// The counter is usable when every span that ends at a later sample has counter values at both ends
/// and the counter did not go down (a reset or a replaced meter makes it unusable). The window's
/// trailing span, which has no later sample yet, is always integrated from power.
struct WindowEnergy: Hashable {
    /// Energy in kWh.
    let kWh: Double
    /// How `kWh` was measured.
    let source: EnergySource
    /// The time the samples cover inside the window, in ms.
    let coveredMillis: Int64

    init(_ spans: [HoldSpan<PowerSample>]) {
        var integrated = 0.0
        var counted = 0.0
        var counterUsable = true
        var covered: Int64 = 0
        for span in spans {
            let held = span.sample.powerKW * span.overlapHours
            integrated += held
            covered += span.overlapMillis
            if let successor = span.successor {
                if let end = successor.counterKWh, let begin = span.sample.counterKWh, end >= begin {
                    counted += (end - begin) * span.fractionInside
                } else {
                    counterUsable = false
                }
            } else {
                counted += held
            }
        }
        let hasCounterSpan = spans.contains { $0.successor != nil }
        let useCounter = counterUsable && hasCounterSpan
        self.kWh = useCounter ? counted : integrated
        self.source = useCounter ? .counter : .integration
        self.coveredMillis = covered
    }
}
