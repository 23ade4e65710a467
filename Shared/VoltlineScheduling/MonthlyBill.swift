/// The bill of one local calendar month under a tariff: energy by period, demand charges and surcharges.
///
/// Its JSON form adds the sums `energy_cost`, `demand_cost`, `surcharge_cost` and `total`.
public struct MonthlyBill: Sendable, Hashable, Encodable {
    /// Energy and its cost in one period.
    public struct PeriodLine: Sendable, Hashable, Codable {
        /// The period's name.
        public var period: String
        /// Energy in the period, kWh.
        public var energyKWh: Double
        /// Its cost at the period's prices.
        public var cost: Double
        /// Metered intervals in the period.
        public var intervals: Int
    }

    /// One demand charge.
    public struct DemandLine: Sendable, Hashable, Codable {
        /// The charge's name.
        public var name: String
        /// The month's highest demand in the charge's hours, kW (energy of an interval over its length).
        public var peakKW: Double
        /// The local start of that interval, `YYYY-MM-DDTHH:MM`.
        public var peakAt: String?
        /// The demand billed: the peak, or more under a ratchet.
        public var billedKW: Double
        /// The charge's price per kW.
        public var ratePerKW: Double
        /// `billedKW × ratePerKW`.
        public var cost: Double
    }

    /// One surcharge.
    public struct SurchargeLine: Sendable, Hashable, Codable {
        /// The surcharge's name.
        public var name: String
        /// Its amount on this bill.
        public var amount: Double
    }

    /// The local month, `YYYY-MM`.
    public var month: String
    /// Total energy, kWh.
    public var energyKWh: Double
    /// Energy by period, in the order the periods first appear in the tariff.
    public var periods: [PeriodLine]
    /// The demand charges.
    public var demand: [DemandLine]
    /// The surcharges.
    public var surcharges: [SurchargeLine]

    /// The cost of energy at the periods' prices.
    public var energyCost: Double { periods.reduce(0) { $0 + $1.cost } }
    /// The sum of the demand charges.
    public var demandCost: Double { demand.reduce(0) { $0 + $1.cost } }
    /// The sum of the surcharges.
    public var surchargeCost: Double { surcharges.reduce(0) { $0 + $1.amount } }
    /// Energy, demand and surcharges.
    public var total: Double { energyCost + demandCost + surchargeCost }

    private enum CodingKeys: String, CodingKey {
        case month, energyKWh, periods, demand, surcharges, energyCost, demandCost, surchargeCost, total
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(month, forKey: .month)
        try container.encode(energyKWh, forKey: .energyKWh)
        try container.encode(periods, forKey: .periods)
        try container.encode(demand, forKey: .demand)
        try container.encode(surcharges, forKey: .surcharges)
        try container.encode(energyCost, forKey: .energyCost)
        try container.encode(demandCost, forKey: .demandCost)
        try container.encode(surchargeCost, forKey: .surchargeCost)
        try container.encode(total, forKey: .total)
    }
}
