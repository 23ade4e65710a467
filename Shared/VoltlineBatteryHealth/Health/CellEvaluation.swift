/// How well state of health and end of life were predicted for one held-out cell.
public struct CellEvaluation: Sendable {
    /// The held-out cell and the cells the model was trained on.
    public var cell: String
    public var trainedOn: [String]
    /// Charges with a measured capacity, and how many of them the screen accepted.
    public var labelledCount: Int
    public var acceptedCount: Int
    /// Model errors over accepted charges, in SOH percentage points.
    public var rmsePercent: Double
    public var maePercent: Double
    /// The plain charged-Ah estimate over every labelled charge: RMSE and median absolute error, in points.
    public var plainRMSEPercent: Double
    public var plainMedianErrorPercent: Double
    /// Rejected charges with their reasons, in cycle order.
    public var rejected: [(cycle: Int, reason: ChargeRejection)]
    /// The first cycle whose measured capacity fell below the threshold (nil if it never did).
    public var endOfLifeCycle: Int?
    /// End of life predicted from the first half of life (the estimates up to half of ``endOfLifeCycle``).
    public var predictedEndOfLife: RemainingLife?

    /// The prediction's error relative to the true end-of-life cycle, in %.
    public var endOfLifeErrorPercent: Double? {
        guard let endOfLifeCycle, let predictedEndOfLife else { return nil }
        return (predictedEndOfLife.endOfLifeCycles - Double(endOfLifeCycle)) / Double(endOfLifeCycle) * 100
    }
}
