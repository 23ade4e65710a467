/// The fields of an OpenEI Utility Rate Database (URDB) rate that ``Tariff/init(openEI:utcOffsetMinutes:currency:)``
/// reads, under their URDB names. Other fields are ignored.
struct OpenEIRate: Decodable {
    /// One tier of a rate structure.
    struct Tier: Decodable {
        var rate: Double?
        var adj: Double?
        /// Rate plus adjustment: the price of the tier.
        var price: Double { (rate ?? 0) + (adj ?? 0) }
    }

    var name: String?
    var label: String?
    var utility: String?
    /// Tiers per energy period; period `i` is what the schedules call `i`.
    var energyratestructure: [[Tier]]?
    /// 12 months × 24 hours of energy period indices.
    var energyweekdayschedule: [[Int]]?
    var energyweekendschedule: [[Int]]?
    /// Tiers per flat-demand period, and the period of each month.
    var flatdemandstructure: [[Tier]]?
    var flatdemandmonths: [Int]?
    /// Tiers per time-of-use demand period and their 12 × 24 schedules.
    var demandratestructure: [[Tier]]?
    var demandweekdayschedule: [[Int]]?
    var demandweekendschedule: [[Int]]?
    /// Fixed charge and its unit (`$/month` is the one billed per bill).
    var fixedchargefirstmeter: Double?
    var fixedchargeunits: String?
    /// Ratchet: percentage of the highest peak in the last `lookbackrange` months.
    var lookbackpercent: Double?
    var lookbackrange: Int?
}

/// A URDB API answer wraps rates in `items`; a saved rate is the bare object.
struct OpenEIDocument: Decodable {
    var rate: OpenEIRate

    init(from decoder: any Decoder) throws {
        enum Keys: String, CodingKey { case items }
        if let container = try? decoder.container(keyedBy: Keys.self),
            let items = try container.decodeIfPresent([OpenEIRate].self, forKey: .items)
        {
            guard let first = items.first else {
                throw DecodingError.dataCorrupted(.init(codingPath: [Keys.items], debugDescription: "no rate in items"))
            }
            rate = first
        } else {
            rate = try OpenEIRate(from: decoder)
        }
    }
}
