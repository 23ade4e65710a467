extension LoadSeries {
    /// The series in two columns of a CSV table: interval start times and energy values, with covariates
    /// known in advance (``knownAhead``) from further columns.
    /// - Parameters:
    ///   - knownAheadColumns: columns known before the interval happens (a tariff period, a plan); numbers
    ///     are used as they are, text as the index of its value among the column's sorted distinct values.
    ///   - stepSeconds: the interval; nil takes the smallest positive gap between consecutive times.
    /// - Throws: ``LearningError`` for a missing column, an unreadable time, or times off the grid.
    public init(
        table: DelimitedTable, timeColumn: String, valueColumn: String, knownAheadColumns: [String] = [],
        stepSeconds: Int64? = nil
    ) throws(LearningError) {
        let timeIndex = try table.column(timeColumn)
        let values = table.numbers(try table.column(valueColumn))
        var times: [Int64] = []
        times.reserveCapacity(table.rows.count)
        for (number, row) in table.rows.enumerated() {
            guard let time = TimestampParser.seconds(row[timeIndex]) else {
                throw LearningError.badInput("row \(number + 1): \"\(row[timeIndex])\" is not a timestamp")
            }
            times.append(time)
        }
        let gaps = zip(times.dropFirst(), times).map { $0 - $1 }.filter { $0 > 0 }
        guard let step = stepSeconds ?? gaps.min() else {
            throw LearningError.notEnoughData("the series needs at least two distinct times")
        }
        try self.init(times: times, values: values, stepSeconds: step)
        for name in knownAheadColumns {
            let column = try table.column(name)
            let numbers = table.numbers(column)
            let codes = Dictionary(
                uniqueKeysWithValues: Set(table.rows.map { $0[column] }).sorted().enumerated().map { ($1, Double($0)) })
            let covariate = table.rows.indices.map { numbers[$0].isNaN ? codes[table.rows[$0][column]]! : numbers[$0] }
            var grid = [Double](repeating: .nan, count: self.values.count)
            for (time, value) in zip(times, covariate) { grid[index(at: time)] = value }
            knownAhead.append(grid)
        }
    }
}
