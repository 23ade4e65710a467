import Testing
import VoltlineDomain

@Suite("Strict JSON parsing")
struct JSONParserTests {
    func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test("objects, arrays, literals and numbers parse to their values; integers stay exact")
    func values() throws {
        let value = try parse(#" {"a": [1, -2.5e3, true, false, null], "ts": 1764082800123, "big": 12345678901234567890} "#)
        #expect(value["a"] == .array([.number(1, exact: 1), .number(-2500, exact: nil), .bool(true), .bool(false), .null]))
        #expect(value["ts"] == .number(1_764_082_800_123, exact: 1_764_082_800_123))
        guard case .number(let big, nil) = value["big"] else {
            Issue.record("an integer beyond Int64 is a plain number")
            return
        }
        #expect(big == 12_345_678_901_234_567_890)
    }

    @Test("escapes and surrogate pairs decode; a later duplicate key wins")
    func strings() throws {
        let value = try parse(#"{"s": "a\"b\\c\/d\n\u00e9\ud83d\udd0b", "k": 1, "k": 2}"#)
        #expect(value["s"] == .string("a\"b\\c/d\n\u{E9}\u{1F50B}"))
        #expect(value["k"] == .number(2, exact: 2))
    }

    @Test(
        "what JSON refuses is refused",
        arguments: [
            "", "{", #"{"a":1,}"#, "[1,]", "NaN", #"{"a":NaN}"#, "01", "1.", "-", "1e", #"{"a" 1}"#, "{} {}",
            "\"tab\there\"", #""\ud800""#, #""\x""#, "tru", "[1 2]", String(repeating: "[", count: 100),
        ])
    func refusals(text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try parse(text) }
    }

    @Test("invalid UTF-8 inside a string is refused")
    func invalidUTF8() {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
    }
}
