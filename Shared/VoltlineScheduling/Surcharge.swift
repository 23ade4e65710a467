/// A charge added to every bill: a fixed amount per bill, an amount per kWh, or both.
public struct Surcharge: Sendable, Hashable, Codable {
    /// A name for the bill, for example `climate-environment`.
    public var name: String
    /// Amount per kWh consumed, in the tariff's currency.
    public var perKWh: Double
    /// Amount per monthly bill, in the tariff's currency.
    public var fixedPerBill: Double

    /// Creates a surcharge.
    public init(name: String, perKWh: Double = 0, fixedPerBill: Double = 0) {
        self.name = name
        self.perKWh = perKWh
        self.fixedPerBill = fixedPerBill
    }

    private enum CodingKeys: String, CodingKey {
        case name
        case perKWh = "per_kwh"
        case fixedPerBill = "fixed_per_bill"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        perKWh = try container.decodeIfPresent(Double.self, forKey: .perKWh) ?? 0
        fixedPerBill = try container.decodeIfPresent(Double.self, forKey: .fixedPerBill) ?? 0
    }
}
