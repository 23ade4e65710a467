import VoltlineLearning

/// The Isolation Forests currently in use, per device kind, shared by the trainer (which replaces them) and
/// the scoring consumer (which picks up a new version between batches).
actor ModelBook {
    private var forests: [String: (model: MultivariateAnomalyModel, version: Int)] = [:]
    private var generation = 0

    /// Installs `model` (version `version`) for `kind`.
    func install(_ model: MultivariateAnomalyModel, version: Int, for kind: String) {
        forests[kind] = (model, version)
        generation += 1
    }

    /// A number that rises with every install, so a reader knows when to reload.
    var currentGeneration: Int { generation }

    /// The forests by kind with their versions.
    var all: [String: (model: MultivariateAnomalyModel, version: Int)] { forests }
}
