/// A charge per kW of the highest 15-minute demand in a billing month.
///
/// Without windows it is a flat demand charge on the month's highest interval; with windows only the
/// intervals inside one of them count (a time-of-use demand charge). It applies in the listed months only.
public struct DemandCharge: Sendable, Hashable, Codable {
    /// A name for the bill, for example `basic`.
    public var name: String
    /// Price per kW of billed demand per month, in the tariff's currency.
    public var ratePerKW: Double
    /// The months (1–12) the charge applies in.
    public var months: Set<Int>
    /// Hours that count towards the peak; all hours when empty.
    public var windows: [TariffWindow]
    /// An optional ratchet on past peaks.
    public var ratchet: DemandRatchet?

    /// Creates a demand charge.
    public init(
        name: String, ratePerKW: Double, months: Set<Int> = Set(1...12), windows: [TariffWindow] = [],
        ratchet: DemandRatchet? = nil
    ) {
        self.name = name
        self.ratePerKW = ratePerKW
        self.months = months
        self.windows = windows
        self.ratchet = ratchet
    }

    /// Whether an interval at local `hour` on a `day` in `month` counts towards this charge's peak.
    public func covers(month: Int, hour: Int, on day: DayType) -> Bool {
        months.contains(month) && (windows.isEmpty || windows.contains { $0.contains(hour: hour, on: day) })
    }

    private enum CodingKeys: String, CodingKey {
        case name, months, windows, ratchet
        case ratePerKW = "rate_per_kw"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        ratePerKW = try container.decode(Double.self, forKey: .ratePerKW)
        months = try container.decodeIfPresent(Set<Int>.self, forKey: .months) ?? Set(1...12)
        windows = try container.decodeIfPresent([TariffWindow].self, forKey: .windows) ?? []
        ratchet = try container.decodeIfPresent(DemandRatchet.self, forKey: .ratchet)
    }
}
