/// A mixed-integer linear program in plain Swift values, minimised: columns with bounds, objective and
/// integrality; rows as sparse sums with a sense and a right-hand side. ``CbcModel`` loads it into CBC.
struct LinearProgram: Sendable, Hashable {
    /// A variable.
    struct Column: Sendable, Hashable {
        var name: String
        var lower: Double
        var upper: Double
        var objective: Double
        var isInteger: Bool
    }

    /// The sense of a row.
    enum Sense: Character, Sendable, Hashable {
        case lessOrEqual = "L"
        case greaterOrEqual = "G"
        case equal = "E"
    }

    /// A constraint `Σ coefficient·column (sense) rhs`.
    struct Row: Sendable, Hashable {
        var name: String
        var columns: [Int32]
        var coefficients: [Double]
        var sense: Sense
        var rhs: Double
    }

        private(set) var columns: [Column] = []
        private(set) var rows: [Row] = []
    /// A constant added to the objective (CBC's objective leaves it out).
        var objectiveOffset = 0.0

    /// Adds a column and returns its index.
    @discardableResult
    mutating func addColumn(_ name: String, lower: Double, upper: Double, objective: Double, isInteger: Bool = false) -> Int {
        columns.append(Column(name: name, lower: lower, upper: upper, objective: objective, isInteger: isInteger))
        return columns.count - 1
    }

    /// Adds a row from (column, coefficient) terms.
    mutating func addRow(_ name: String, _ terms: [(Int, Double)], _ sense: Sense, _ rhs: Double) {
        rows.append(
            Row(
                name: name, columns: terms.map { Int32($0.0) }, coefficients: terms.map(\.1), sense: sense, rhs: rhs))
    }

    /// The objective of a full assignment of column values, offset included.
    func objective(of values: [Double]) -> Double {
        zip(columns, values).reduce(objectiveOffset) { $0 + $1.0.objective * $1.1 }
    }
}
