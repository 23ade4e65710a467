/// The kinds of model the registry stores.
public enum ModelKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// A ``LoadForecaster`` for one machine, line or site.
    case loadForecaster = "load_forecaster"
    /// A ``MultivariateAnomalyModel`` for one device kind.
    case isolationForest = "isolation_forest"
}
