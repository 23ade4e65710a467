/// snake_case JSON keys for property names with unit acronyms (`peakLimitKW` ↔ `peak_limit_kw`,
/// `socKWh` ↔ `soc_kwh`, `minSOC` ↔ `min_soc`), which Foundation's own snake-case strategies garble
/// (`soc_k_wh`) or cannot map back (`peakLimitKw`).
struct SnakeCaseKey: CodingKey {
    /// Acronyms as written in property names, longest first, with their snake-case words.
    private static let acronyms: [(camel: String, snake: String)] = [("KWh", "kwh"), ("KW", "kw"), ("SOC", "soc")]

    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }

    /// `peakLimitKW` → `peak_limit_kw`.
    static func snake(_ camel: String) -> String {
        var words: [String] = []
        var rest = Substring(camel)
        var word = ""
        while let character = rest.first {
            if let acronym = acronyms.first(where: { rest.hasPrefix($0.camel) }) {
                if !word.isEmpty { words.append(word) }
                words.append(acronym.snake)
                word = ""
                rest = rest.dropFirst(acronym.camel.count)
                continue
            }
            if character.isUppercase, !word.isEmpty {
                words.append(word)
                word = ""
            }
            word.append(Character(character.lowercased()))
            rest = rest.dropFirst()
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: "_")
    }

    /// `peak_limit_kw` → `peakLimitKW`.
    static func camel(_ snake: String) -> String {
        let words = snake.split(separator: "_").map(String.init)
        guard let first = words.first else { return snake }
        return first
            + words.dropFirst().map { word in
                acronyms.first { $0.snake == word }?.camel ?? word.prefix(1).uppercased() + word.dropFirst()
            }.joined()
    }
}
