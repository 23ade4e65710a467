/// The physically plain state-of-health estimate: the charge a full charge took in, over rated capacity.
///
/// After a full discharge, a CC-CV charge to the cut-off current puts back what the cell can hold, so the
/// counted charge is the capacity (less the few tenths of a percent lost to side reactions). It is only as
/// good as that premise: a charge that starts part-full under-reads.
public struct PlainHealthEstimate: Sendable {
    /// Rated capacity in Ah.
    public var ratedCapacityAh: Double

    /// Creates an estimate for cells of `ratedCapacityAh`.
    public init(ratedCapacityAh: Double) {
        self.ratedCapacityAh = ratedCapacityAh
    }

    /// The state of health (0…1) implied by one charge.
    public func stateOfHealth(_ features: ChargeFeatures) -> Double {
        features.chargedAh / ratedCapacityAh
    }
}
