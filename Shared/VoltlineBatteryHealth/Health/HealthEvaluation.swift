/// Leave-one-cell-out evaluation on recorded cells: for each cell, a state-of-health model is trained on the
/// other cells' accepted charges, then judged on this cell's accepted charges, from charge features only.
/// End of life is predicted from the model's estimates over the first half of the cell's life.
public struct HealthEvaluation: Sendable {
    /// Rated capacity in Ah (SOH = capacity / rated).
    public var ratedCapacityAh: Double
    /// End of life as a state of health.
    public var endOfLifeThreshold: Double
    /// Feature settings.
    public var extractor: ChargeFeatureExtractor
    /// Screen settings.
    public var screen: ChargeScreen.Configuration
    /// RUL settings (the threshold is taken from ``endOfLifeThreshold``).
    public var life: RemainingLifeEstimator.Configuration

    /// Settings for the NASA cells: 2 Ah rated, end of life at 1.4 Ah.
    public init(
        ratedCapacityAh: Double = 2, endOfLifeThreshold: Double = 0.7,
        extractor: ChargeFeatureExtractor = ChargeFeatureExtractor(),
        life: RemainingLifeEstimator.Configuration = RemainingLifeEstimator.Configuration()
    ) {
        self.ratedCapacityAh = ratedCapacityAh
        self.endOfLifeThreshold = endOfLifeThreshold
        self.extractor = extractor
        self.screen = ChargeScreen.Configuration(ratedCapacityAh: ratedCapacityAh)
        self.life = life
        self.life.threshold = endOfLifeThreshold
    }

    /// Evaluates every cell against models trained on the others.
    /// - Precondition: at least two cells.
    /// - Throws: when XGBoost fails.
    public func evaluate(_ cells: [NASACell]) throws -> [CellEvaluation] {
        precondition(cells.count >= 2, "leave-one-cell-out needs at least two cells")
        let observations = cells.map { HealthObservation.observations(of: $0, extractor: extractor, screen: screen) }
        return try cells.indices.map { held in
            let training = cells.indices.filter { $0 != held }
            let samples = training.flatMap { observations[$0] }.compactMap { observation in
                observation.rejection == nil
                    ? observation.measuredCapacityAh.map { (observation.features, $0 / ratedCapacityAh) } : nil
            }
            let model = try StateOfHealthModel.train(
                samples: samples, ratedCapacityAh: ratedCapacityAh, trainedOn: training.map { cells[$0].name })
            return try evaluate(cells[held], observations[held], model: model)
        }
    }

    /// Evaluates one cell's observations with a trained model.
    public func evaluate(_ cell: NASACell, _ observations: [HealthObservation], model: StateOfHealthModel) throws
        -> CellEvaluation
    {
        let labelled = observations.filter { $0.measuredCapacityAh != nil }
        let accepted = labelled.filter { $0.rejection == nil }
        let predicted = try model.stateOfHealth(accepted.map(\.features))
        let errors = zip(accepted, predicted).map { ($1 - $0.measuredCapacityAh! / ratedCapacityAh) * 100 }
        let plain = PlainHealthEstimate(ratedCapacityAh: ratedCapacityAh)
        let plainErrors = labelled.map {
            (plain.stateOfHealth($0.features) - $0.measuredCapacityAh! / ratedCapacityAh) * 100
        }
        let endOfLife = cell.capacities.first { $0.capacityAh / ratedCapacityAh < endOfLifeThreshold }?.cycle
        let firstHalf = endOfLife.map { eol in
            zip(accepted, predicted).filter { 2 * $0.0.cycle <= eol }.map {
                HealthPoint(cycles: Double($0.0.cycle), stateOfHealth: $0.1)
            }
        }
        return CellEvaluation(
            cell: cell.name, trainedOn: model.metadata.trainedOn, labelledCount: labelled.count,
            acceptedCount: accepted.count, rmsePercent: Statistics.rms(errors),
            maePercent: Statistics.mean(errors.map(abs)), plainRMSEPercent: Statistics.rms(plainErrors),
            plainMedianErrorPercent: Statistics.median(plainErrors.map(abs)) ?? 0,
            rejected: labelled.compactMap { observation in observation.rejection.map { (observation.cycle, $0) } },
            endOfLifeCycle: endOfLife,
            predictedEndOfLife: firstHalf.flatMap { RemainingLifeEstimator(configuration: life).estimate($0) })
    }
}
