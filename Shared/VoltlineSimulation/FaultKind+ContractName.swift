extension FaultKind {
    /// The fault's name in commands and APIs (`docs/CONTRACTS.md`): `overheat`, `overcharge`,
    /// `internal_short`, `sensor_dropout`, `stuck_value`, `cooling_failure`, `sensor_drift`.
    public var contractName: String {
        switch self {
        case .overheat: "overheat"
        case .coolingFailure: "cooling_failure"
        case .sensorDrift: "sensor_drift"
        case .overcharge: "overcharge"
        case .internalShort: "internal_short"
        case .sensorDropout: "sensor_dropout"
        case .stuckValue: "stuck_value"
        }
    }

    /// The fault named `contractName` in commands and APIs, if there is one.
    public init?(contractName: String) {
        guard let kind = Self.allCases.first(where: { $0.contractName == contractName }) else { return nil }
        self = kind
    }
}
