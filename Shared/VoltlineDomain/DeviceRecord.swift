/// A registered device, as stored in the `devices` table.
public struct DeviceRecord: Sendable, Hashable, Codable {
    /// The device id.
    public var id: String
    /// Machine or battery pack.
    public var kind: DeviceKind
    /// Site and production line, for cost roll-ups and alert routing.
    public var site: String
    public var line: String?
    /// A name for people.
    public var displayName: String?
    /// Battery packs: chemistry, nominal capacity in Ah, cells in series and in parallel.
    public var chemistry: Chemistry?
    public var capacityAh: Double?
    public var cellsSeries: Int?
    public var cellsParallel: Int?
    /// Machines: rated power in kW.
    public var ratedPowerKW: Double?
    /// Battery packs: the largest continuous current in A (datasheet), the over-current limit.
    public var maxCurrentA: Double?
    /// Whether ingest registered it on first sight (policy `auto-register`).
    public var autoRegistered: Bool

    /// Creates a record.
    public init(
        id: String, kind: DeviceKind, site: String = "default", line: String? = nil, displayName: String? = nil,
        chemistry: Chemistry? = nil, capacityAh: Double? = nil, cellsSeries: Int? = nil, cellsParallel: Int? = nil,
        ratedPowerKW: Double? = nil, maxCurrentA: Double? = nil, autoRegistered: Bool = false
    ) {
        self.id = id
        self.kind = kind
        self.site = site
        self.line = line
        self.displayName = displayName
        self.chemistry = chemistry
        self.capacityAh = capacityAh
        self.cellsSeries = cellsSeries
        self.cellsParallel = cellsParallel
        self.ratedPowerKW = ratedPowerKW
        self.maxCurrentA = maxCurrentA
        self.autoRegistered = autoRegistered
    }
}
