import CCbc
import Foundation

/// One CBC model (`Cbc_Model`), owned: created in `init` from a ``LinearProgram``, freed in `deinit`.
///
/// Not `Sendable` and not thread-safe, as CBC's model is not: a model lives and dies inside one call on one
/// thread (``MILPSolver`` runs it on a dispatch queue, since `Cbc_solve` blocks for seconds). CBC copies the
/// names, indices and coefficients passed to `Cbc_addCol` / `Cbc_addRow`, so Swift buffers may go after each
/// call; the solution pointer from `Cbc_getColSolution` belongs to the model and is copied out before `deinit`.
final class CbcModel {
    private let model: UnsafeMutableRawPointer
    private let columnCount: Int

    /// Loads `program` (minimisation) into a new CBC model with logging off.
    init(_ program: LinearProgram) {
        model = Cbc_newModel()!  // only nil when out of memory
        columnCount = program.columns.count
        Cbc_setLogLevel(model, 0)
        Cbc_setObjSense(model, 1)
        for column in program.columns {
            Cbc_addCol(model, column.name, column.lower, column.upper, column.objective, column.isInteger ? 1 : 0, 0, nil, nil)
        }
        for row in program.rows {
            let sense = CChar(row.sense.rawValue.asciiValue!)
            row.columns.withUnsafeBufferPointer { columns in
                row.coefficients.withUnsafeBufferPointer { coefficients in
                    Cbc_addRow(
                        model, row.name, Int32(columns.count), columns.baseAddress, coefficients.baseAddress, sense, row.rhs)
                }
            }
        }
    }

    deinit {
        Cbc_deleteModel(model)
    }

    /// Offers a feasible assignment of every column as the first incumbent.
    func setStart(_ values: [Double]) {
        let indices = (0..<Int32(values.count)).map { $0 }
        Cbc_setMIPStartI(model, Int32(values.count), indices, values)
    }

    /// Solves within a time limit, stopping early at the relative gap, with `threads` threads.
    func solve(seconds: Double, relativeGap: Double, threads: Int) -> CbcOutcome {
        Cbc_setMaximumSeconds(model, seconds)
        Cbc_setParameter(model, "timeMode", "elapsed")  // wall clock, not CPU time: the caller waits in wall time
        Cbc_setAllowableFractionGap(model, relativeGap)
        if threads > 1 { Cbc_setParameter(model, "threads", String(threads)) }
        _ = Cbc_solve(model)
        let hasSolution = Cbc_numberSavedSolutions(model) > 0 || Cbc_isProvenOptimal(model) != 0
        var values: [Double]?
        if hasSolution, let solution = Cbc_getColSolution(model) {
            values = Array(UnsafeBufferPointer(start: solution, count: columnCount))
        }
        return CbcOutcome(
            values: values, objective: Cbc_getObjValue(model), bestBound: Cbc_getBestPossibleObjValue(model),
            provenOptimal: Cbc_isProvenOptimal(model) != 0, provenInfeasible: Cbc_isProvenInfeasible(model) != 0,
            timeLimitReached: Cbc_isSecondsLimitReached(model) != 0, nodes: Int(Cbc_getNodeCount(model)))
    }

    /// Writes the model in (free) MPS format to `path`; CBC appends `.mps` when the name has no extension.
    func writeMPS(to path: String) {
        Cbc_writeMps(model, path)
    }
}

/// What one CBC run found.
struct CbcOutcome: Sendable {
    /// Column values of the best solution, if CBC has one.
    var values: [Double]?
    /// Its objective (without the program's offset).
    var objective: Double
    /// The best proven lower bound (without the offset).
    var bestBound: Double
    var provenOptimal: Bool
    var provenInfeasible: Bool
    var timeLimitReached: Bool
    var nodes: Int
}
