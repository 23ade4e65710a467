/// One charge of a recorded cell with what the screen said and, when known, the capacity measured after it.
public struct HealthObservation: Sendable, Hashable {
    /// The cell.
    public var cell: String
    /// The charge's cycle number (the discharge of the same number follows it).
    public var cycle: Int
    /// The charge's features.
    public var features: ChargeFeatures
    /// Why the screen rejected it, or nil when accepted.
    public var rejection: ChargeRejection?
    /// The capacity of the discharge that followed, in Ah (the label; never a model input).
    public var measuredCapacityAh: Double?

    /// Creates an observation.
    public init(
        cell: String, cycle: Int, features: ChargeFeatures, rejection: ChargeRejection?, measuredCapacityAh: Double?
    ) {
        self.cell = cell
        self.cycle = cycle
        self.features = features
        self.rejection = rejection
        self.measuredCapacityAh = measuredCapacityAh
    }

    /// The observations of a recorded cell: every charge's features, screened in order, paired with the capacity
    /// of the discharge of the same cycle number.
    public static func observations(
        of cell: NASACell, extractor: ChargeFeatureExtractor = ChargeFeatureExtractor(),
        screen: ChargeScreen.Configuration = ChargeScreen.Configuration()
    ) -> [HealthObservation] {
        var judge = ChargeScreen(configuration: screen)
        let capacities = Dictionary(cell.capacities.map { ($0.cycle, $0.capacityAh) }) { first, _ in first }
        return cell.charges.compactMap { charge in
            guard let features = extractor.features(of: charge) else { return nil }
            return HealthObservation(
                cell: cell.name, cycle: charge.cycle, features: features, rejection: judge.judge(features),
                measuredCapacityAh: capacities[charge.cycle])
        }
    }
}
