import Foundation

/// A comma-separated file of numbers with a header line, read column by column.
///
/// Written by hand because Foundation has no CSV reader and the NASA files are large (half a million rows a
/// cell): each field is parsed in place with `strtod`, without making a `String` per field.
struct NumericCSV {
    /// The header's column names.
    let header: [String]
    /// The requested columns' values, in the order requested.
    let columns: [[Double]]

    /// Parses `bytes`, keeping the columns named in `wanted`.
    /// - Throws: ``NASADataError`` when a wanted column is missing or a field is not a number.
    init(bytes: Data, wanted: [String], path: String) throws(NASADataError) {
        var text = bytes
        text.append(0)  // strtod needs a terminated buffer.
        let parsed = text.withUnsafeBytes { raw -> Result<([String], [[Double]]), NASADataError> in
            let base = raw.bindMemory(to: CChar.self).baseAddress!
            let end = base + bytes.count
            var cursor = base
            while cursor < end && cursor.pointee != 10 { cursor += 1 }
            let headerLine = String(
                decoding: UnsafeRawBufferPointer(start: base, count: cursor - base), as: UTF8.self)
            let header = headerLine.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",").map {
                String($0).trimmingCharacters(in: .whitespaces)
            }
            var slotOfField = [Int](repeating: -1, count: header.count)
            for (slot, name) in wanted.enumerated() {
                guard let field = header.firstIndex(of: name) else {
                    return .failure(NASADataError(path: path, reason: "no column \(name) in header \(headerLine)"))
                }
                slotOfField[field] = slot
            }
            var columns = [[Double]](repeating: [], count: wanted.count)
            var lineNumber = 1
            while cursor < end {
                cursor += 1  // past the newline
                lineNumber += 1
                if cursor >= end || cursor.pointee == 10 || cursor.pointee == 13 { continue }
                for field in 0..<header.count {
                    let slot = slotOfField[field]
                    if slot >= 0 {
                        var after: UnsafeMutablePointer<CChar>?
                        let value = strtod(cursor, &after)
                        guard let after, after != cursor else {
                            return .failure(
                                NASADataError(path: path, reason: "line \(lineNumber): field \(header[field]) is not a number"))
                        }
                        columns[slot].append(value)
                        cursor = UnsafePointer(after)
                    }
                    while cursor < end && cursor.pointee != 44 && cursor.pointee != 10 { cursor += 1 }
                    if cursor < end && cursor.pointee == 44 { cursor += 1 }
                }
                while cursor < end && cursor.pointee != 10 { cursor += 1 }
            }
            return .success((header, columns))
        }
        switch parsed {
        case .success(let (header, columns)):
            self.header = header
            self.columns = columns
        case .failure(let error):
            throw error
        }
    }
}
