public import VoltlineDomain

/// What a simulated device is, for registering it with Voltline: its kind and place, and its nameplate.
public struct DeviceProfile: Sendable, Hashable {
    /// The device id (see `DeviceID`).
    public var id: String
    /// Machine or battery pack.
    public var kind: DeviceKind
    /// The site the device belongs to.
    public var site: String
    /// The production line, for machines on one.
    public var line: String?
    /// The machine type or the pack's cell ("Hydraulic press", "BYD Blade 202Ah").
    public var model: String
    /// Battery packs: chemistry, rated capacity in Ah, cells in series and in parallel.
    public var chemistry: Chemistry?
    public var capacityAh: Double?
    public var cellsInSeries: Int?
    public var cellsInParallel: Int?
    /// Machines: rated active power in kW.
    public var ratedPowerKW: Double?
    /// Battery packs: the largest continuous current in A, charging or discharging (datasheet).
    public var maxCurrentA: Double?

    /// Creates a profile.
    public init(
        id: String, kind: DeviceKind, site: String, line: String? = nil, model: String, chemistry: Chemistry? = nil,
        capacityAh: Double? = nil, cellsInSeries: Int? = nil, cellsInParallel: Int? = nil,
        ratedPowerKW: Double? = nil, maxCurrentA: Double? = nil
    ) {
        self.id = id
        self.kind = kind
        self.site = site
        self.line = line
        self.model = model
        self.chemistry = chemistry
        self.capacityAh = capacityAh
        self.cellsInSeries = cellsInSeries
        self.cellsInParallel = cellsInParallel
        self.ratedPowerKW = ratedPowerKW
        self.maxCurrentA = maxCurrentA
    }
}
