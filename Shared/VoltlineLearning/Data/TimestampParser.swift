/// Reads the timestamps of CSV files as seconds since the Unix epoch.
///
/// Accepts ISO 8601 date-times (`2018-01-01T00:15:00`, `2018-01-01 00:15:00`, optional fraction and `Z`;
/// a time without zone is read as UTC, so wall-clock series keep their wall-clock calendar), plain dates,
/// and epoch numbers (seconds, or milliseconds when above 10¹¹). Hand-written because Foundation's
/// formatters are slow and locale-bound for hundreds of thousands of rows.
public enum TimestampParser {
    /// Seconds since the epoch, or nil when `text` is none of the accepted forms.
    public static func seconds(_ text: Substring) -> Int64? {
        if let number = Double(text) {
            return number > 1e11 ? Int64((number / 1000).rounded()) : Int64(number.rounded())
        }
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var seconds = Int64(daysSinceEpoch(year: year, month: month, day: day)) * 86_400
        guard bytes.count >= 16 else { return bytes.count == 10 ? seconds : nil }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
            let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2)
        else { return nil }
        let second = bytes.count >= 19 ? number(bytes, 17, 2) ?? 0 : 0
        seconds += Int64(hour * 3600 + minute * 60 + second)
        return seconds
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    public static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ length: Int) -> Int? {
        guard start + length <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<(start + length)] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
