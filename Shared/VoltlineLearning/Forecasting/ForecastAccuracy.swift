/// Running forecast errors: mean absolute error, root mean squared error, mean absolute percentage error.
///
/// MAPE leaves out intervals whose actual value is (near) zero, where a percentage has no meaning; their
/// count is ``percentageSkipped``. Intervals whose actual or forecast is unknown are not counted at all.
public struct ForecastAccuracy: Sendable, Hashable {
    /// Intervals scored.
    public private(set) var count = 0
    /// Intervals left out of MAPE because the actual value was below ``zeroTolerance``.
    public private(set) var percentageSkipped = 0
    /// Actual values with a magnitude below this count as zero for MAPE.
    public let zeroTolerance: Double
    private var absoluteSum = 0.0
    private var squaredSum = 0.0
    private var percentageSum = 0.0
    private var percentageCount = 0

    /// Creates an empty accumulator.
    public init(zeroTolerance: Double = 1e-9) {
        self.zeroTolerance = zeroTolerance
    }

    /// Adds pairs of actual and forecast values.
    public mutating func add(actual: [Double], forecast: [Double]) {
        for (actual, forecast) in zip(actual, forecast) where actual.isFinite && forecast.isFinite {
            let error = forecast - actual
            count += 1
            absoluteSum += abs(error)
            squaredSum += error * error
            if abs(actual) < zeroTolerance {
                percentageSkipped += 1
            } else {
                percentageSum += abs(error / actual)
                percentageCount += 1
            }
        }
    }

    /// Mean absolute error, in the series' unit.
    public var meanAbsoluteError: Double { count == 0 ? .nan : absoluteSum / Double(count) }
    /// Root mean squared error, in the series' unit.
    public var rootMeanSquaredError: Double { count == 0 ? .nan : (squaredSum / Double(count)).squareRoot() }
    /// Mean absolute percentage error, in percent.
    public var meanAbsolutePercentageError: Double {
        percentageCount == 0 ? .nan : 100 * percentageSum / Double(percentageCount)
    }
}
