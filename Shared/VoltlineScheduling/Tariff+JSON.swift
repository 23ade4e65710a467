public import Foundation

extension Tariff {
    private enum CodingKeys: String, CodingKey {
        case name, currency, seasons, holidays, surcharges
        case utcOffsetMinutes = "utc_offset_minutes"
        case weekendDays = "weekend_days"
        case demandCharges = "demand_charges"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            name: container.decode(String.self, forKey: .name),
            currency: container.decode(String.self, forKey: .currency),
            utcOffsetMinutes: container.decodeIfPresent(Int.self, forKey: .utcOffsetMinutes) ?? 0,
            seasons: container.decode([TariffSeason].self, forKey: .seasons),
            weekendDays: container.decodeIfPresent(Set<Int>.self, forKey: .weekendDays) ?? [6, 7],
            holidays: container.decodeIfPresent(HolidayCalendar.self, forKey: .holidays) ?? [],
            demandCharges: container.decodeIfPresent([DemandCharge].self, forKey: .demandCharges) ?? [],
            surcharges: container.decodeIfPresent([Surcharge].self, forKey: .surcharges) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(currency, forKey: .currency)
        try container.encode(utcOffsetMinutes, forKey: .utcOffsetMinutes)
        try container.encode(weekendDays.sorted(), forKey: .weekendDays)
        try container.encode(holidays, forKey: .holidays)
        try container.encode(seasons, forKey: .seasons)
        try container.encode(demandCharges, forKey: .demandCharges)
        try container.encode(surcharges, forKey: .surcharges)
    }

    /// Reads a tariff from its JSON form (`docs/TARIFFS.md`).
    /// - Throws: `DecodingError` for malformed JSON, ``TariffError`` for an invalid tariff.
    public init(jsonData: Data) throws {
        self = try JSONDecoder().decode(Tariff.self, from: jsonData)
    }

    /// Reads a tariff JSON file.
    /// - Throws: when the file is unreadable, malformed or not a valid tariff.
    public init(contentsOf url: URL) throws {
        try self.init(jsonData: Data(contentsOf: url))
    }

    /// The tariff's JSON form, keys sorted and indented so files diff well.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Writes the tariff's JSON form to `url`.
    public func save(to url: URL) throws {
        try jsonData().write(to: url, options: .atomic)
    }
}
