public import Foundation

// Text-format encoding and decoding for the Swift types the library supports out of the box.
// Decoders accept only the PostgreSQL types that hold the value without loss; anything else is a type mismatch.

extension Int: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .int8 }
    public var postgresText: String? { String(self) }

    public init?(postgresText text: String, type: PostgresDataType) {
        guard type == .int2 || type == .int4 || type == .int8 else { return nil }
        self.init(text)
    }
}

extension Int64: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .int8 }
    public var postgresText: String? { String(self) }

    public init?(postgresText text: String, type: PostgresDataType) {
        guard type == .int2 || type == .int4 || type == .int8 else { return nil }
        self.init(text)
    }
}

extension Int32: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .int4 }
    public var postgresText: String? { String(self) }

    public init?(postgresText text: String, type: PostgresDataType) {
        guard type == .int2 || type == .int4 else { return nil }
        self.init(text)
    }
}

extension Double: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .float8 }

    /// Swift's shortest round-tripping form; PostgreSQL's spelling for the special values.
    public var postgresText: String? {
        if isNaN { return "NaN" }
        if isInfinite { return self < 0 ? "-Infinity" : "Infinity" }
        return String(self)
    }

    public init?(postgresText text: String, type: PostgresDataType) {
        guard type == .float8 || type == .float4 || type == .numeric else { return nil }
        switch text {
        case "NaN": self = .nan
        case "Infinity": self = .infinity
        case "-Infinity": self = -.infinity
        default: self.init(text)
        }
    }
}

extension Bool: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .bool }
    public var postgresText: String? { self ? "t" : "f" }

    public init?(postgresText text: String, type: PostgresDataType) {
        guard type == .bool, text == "t" || text == "f" else { return nil }
        self = text == "t"
    }
}

extension String: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .text }
    public var postgresText: String? { self }

    public init?(postgresText text: String, type: PostgresDataType) {
        guard [.text, .varchar, .bpchar, .name, .unknown].contains(type) else { return nil }
        self = text
    }
}

/// `bytea`, sent and read in the hex format (`\x0a1b…`), PostgreSQL's default `bytea_output`.
extension Array: PostgresEncodable, PostgresDecodable where Element == UInt8 {
    public static var postgresType: PostgresDataType { .bytea }

    public var postgresText: String? {
        let digits = Array<UInt8>("0123456789abcdef".utf8)
        var text: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        text.reserveCapacity(2 + count * 2)
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    public init?(postgresText text: String, type: PostgresDataType) {
        let hex = Array<UInt8>(text.utf8)
        guard type == .bytea, hex.count % 2 == 0, hex.starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "x")]) else {
            return nil
        }
        func nibble(_ character: UInt8) -> UInt8? {
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.count / 2 - 1)
        for index in stride(from: 2, to: hex.count, by: 2) {
            guard let high = nibble(hex[index]), let low = nibble(hex[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self = bytes
    }
}

/// `timestamptz` at microsecond precision; a `timestamp` without time zone is read as UTC.
extension Date: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .timestamptz }
    public var postgresText: String? { PostgresTimestamp.format(self) }

    public init?(postgresText text: String, type: PostgresDataType) {
        guard type == .timestamptz || type == .timestamp, let date = PostgresTimestamp.parse(text) else { return nil }
        self = date
    }
}

extension UUID: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .uuid }
    public var postgresText: String? { uuidString.lowercased() }

    public init?(postgresText text: String, type: PostgresDataType) {
        guard type == .uuid else { return nil }
        self.init(uuidString: text)
    }
}
