import Configuration

/// Settings of the ``EnergyPricer`` and its tariff.
struct PricingSettings: Sendable {
    /// Time between pricing passes.
    var interval: Duration
    /// The most `energy_15m` rows priced in one transaction.
    var batchSize: Int
    /// A tariff JSON file (the ``Tariff`` format) made the active tariff at start-up, replacing the
    /// tariff of the same name; `nil` keeps the active tariff or installs the built-in default.
    var tariffFile: String?

    /// Reads `scheduler.pricing-interval-ms` (default 30000), `scheduler.pricing-batch-size` (default 5000)
    /// and `scheduler.tariff-file` (no default).
    init(reader: ConfigReader) {
        interval = .milliseconds(reader.int(forKey: "scheduler.pricing-interval-ms", default: 30_000))
        batchSize = reader.int(forKey: "scheduler.pricing-batch-size", default: 5_000)
        tariffFile = reader.string(forKey: "scheduler.tariff-file")
    }
}
