/// A demand charge as a plan sees it: a price per kW of the highest grid demand over some slots, above the
/// demand already billed this month.
public struct HorizonDemandCharge: Sendable, Hashable, Codable {
    /// The charge's name.
    public var name: String
    /// Price per kW of the peak, in the problem's currency.
    public var ratePerKW: Double
    /// Demand already set (or ratcheted) in the billing period, kW: a peak up to it costs nothing more.
    public var floorKW: Double
    /// The slots whose demand counts; every slot when `nil`.
    public var slots: [Int]?

    /// Creates a charge.
    public init(name: String, ratePerKW: Double, floorKW: Double = 0, slots: [Int]? = nil) {
        self.name = name
        self.ratePerKW = ratePerKW
        self.floorKW = floorKW
        self.slots = slots
    }

    /// The charge for a grid series: `ratePerKW × max(0, peak − floorKW)` over the covered slots.
    func cost(gridKW: [Double]) -> (peakKW: Double, cost: Double) {
        let covered = slots ?? Array(gridKW.indices)
        let peak = covered.reduce(0) { max($0, gridKW[$1]) }
        return (peak, ratePerKW * max(0, peak - floorKW))
    }
}
