import Foundation

/// Parses local Korean wall-clock times (`2018-01-01T10:00:00`, as in the steel-plant file) into instants.
enum KoreanTime {
    private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 9 * 3600)
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return formatter
    }()

    /// The instant of a local time; traps on a malformed literal.
    static func date(_ text: String) -> Date {
        guard let date = formatter.date(from: text) else { fatalError("not a local time: \(text)") }
        return date
    }
}
