/// The outcome of loading a model from the ``ModelRegistry``.
public enum ModelLoad<Model> {
    /// The latest version, decoded, with its record.
    case loaded(Model, StoredModel)
    /// No model of that kind and subject was ever stored.
    case missing
    /// The latest version does not decode (corrupt, another format); `reason` says why.
    case unusable(version: Int, reason: String)
}

extension ModelLoad: Sendable where Model: Sendable {}
