/// A comma-separated file read into named text columns: what the evaluation and scoring commands read.
///
/// Plain CSV as the benchmarks and the real-data folder write it: one header row, `,` between fields,
/// no quoted fields with embedded commas (a field in double quotes has its quotes removed).
public struct DelimitedTable: Sendable {
    /// Column names from the header row, in file order.
    public let header: [String]
    /// Rows of fields, each as long as ``header``.
    public let rows: [[Substring]]

    /// Parses CSV text.
    /// - Throws: ``LearningError`` when the text has no header or a row has the wrong number of fields.
    public init(text: String) throws(LearningError) {
        var lines = text.split(whereSeparator: \.isNewline).makeIterator()
        guard let headerLine = lines.next() else { throw LearningError.badInput("the file is empty") }
        header = Self.fields(headerLine).map(String.init)
        var rows: [[Substring]] = []
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            let fields = Self.fields(line)
            guard fields.count == header.count else {
                throw LearningError.badInput("line \(lineNumber) has \(fields.count) fields, the header \(header.count)")
            }
            rows.append(fields)
        }
        self.rows = rows
    }

    /// The index of the column named `name`.
    /// - Throws: ``LearningError`` naming the columns that exist when there is no such column.
    public func column(_ name: String) throws(LearningError) -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw LearningError.badInput("no column \"\(name)\"; the file has \(header.joined(separator: ", "))")
        }
        return index
    }

    /// The numbers of one column; an empty or unparsable field is `nan` (missing).
    public func numbers(_ column: Int) -> [Double] {
        rows.map { Double($0[column]) ?? .nan }
    }

    private static func fields(_ line: Substring) -> [Substring] {
        line.split(separator: ",", omittingEmptySubsequences: false).map { field in
            let trimmed = field.trimmedOfBlanks
            return trimmed.count >= 2 && trimmed.hasPrefix("\"") && trimmed.hasSuffix("\"")
                ? trimmed.dropFirst().dropLast() : trimmed
        }
    }
}

extension Substring {
    /// The field without leading and trailing spaces, tabs and carriage returns.
    fileprivate var trimmedOfBlanks: Substring {
        let blanks: Set<Character> = [" ", "\t", "\r"]
        var result = self
        while let first = result.first, blanks.contains(first) { result.removeFirst() }
        while let last = result.last, blanks.contains(last) { result.removeLast() }
        return result
    }
}
