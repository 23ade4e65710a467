public import Foundation

extension ChargeCycle {
    /// The `voltline.features.v1` message for a charge cycle: `{"v":1,"type":"cycle","device_id":...,
    /// "started_at_ms":...,"ended_at_ms":...,"equivalent_full_cycles":...,"rejection":...,"features":{...}}`,
    /// field names in snake case, absent values left out.
    public func featureMessage() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = .sortedKeys
        // Only numbers, strings and nested objects of them: encoding cannot fail.
        return Array(try! encoder.encode(Envelope(v: 1, type: Self.messageType, cycle: self)))
    }

    /// Decodes a `voltline.features.v1` message; nil when it is another type of feature or not JSON.
    public init?(featureMessage bytes: [UInt8]) {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let envelope = try? decoder.decode(Envelope.self, from: Data(bytes)), envelope.type == Self.messageType
        else { return nil }
        self = envelope.cycle
    }

    /// The `type` of charge-cycle feature messages.
    public static let messageType = "cycle"

    private struct Envelope: Codable {
        var v: Int
        var type: String
        var cycle: ChargeCycle

        init(v: Int, type: String, cycle: ChargeCycle) {
            self.v = v
            self.type = type
            self.cycle = cycle
        }

        // The cycle's fields sit beside `v` and `type`, as in the other feature messages.
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            v = try container.decode(Int.self, forKey: .v)
            type = try container.decode(String.self, forKey: .type)
            cycle = try ChargeCycle(from: decoder)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(v, forKey: .v)
            try container.encode(type, forKey: .type)
            try cycle.encode(to: encoder)
        }

        private enum CodingKeys: String, CodingKey { case v, type }
    }
}
