/// A way to forecast a ``LoadSeries``: the gradient-boosted ``LoadForecaster`` or a ``SeasonalNaiveForecaster``.
public protocol LoadForecasting: Sendable {
    /// A short name for tables, e.g. `gbt` or `same-time-yesterday`.
    var name: String { get }

    /// Forecasts `horizon` intervals from the start of interval `origin` of `series`, using only the values
    /// before `origin`.
    /// - Throws: ``LearningError`` when the series is too short or the model cannot be used.
    func forecast(_ series: LoadSeries, origin: Int, horizon: Int) throws(LearningError) -> LoadForecast
}
