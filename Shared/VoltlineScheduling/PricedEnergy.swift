/// Energy of one interval priced under a tariff.
public struct PricedEnergy: Sendable, Hashable {
    /// The tariff period the interval falls in, for example `peak`.
    public var period: String
    /// The price per kWh of that period.
    public var pricePerKWh: Double
    /// The energy, in kWh.
    public var energyKWh: Double

    /// `energyKWh × pricePerKWh`, in the tariff's currency.
    public var cost: Double { energyKWh * pricePerKWh }

    /// Creates a priced interval.
    public init(period: String, pricePerKWh: Double, energyKWh: Double) {
        self.period = period
        self.pricePerKWh = pricePerKWh
        self.energyKWh = energyKWh
    }
}
