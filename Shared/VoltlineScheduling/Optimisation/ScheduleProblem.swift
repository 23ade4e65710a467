public import Foundation

/// A production-scheduling problem over a horizon of equal slots: jobs on machines, the site's base load,
/// a peak-power limit, optional battery storage, and what energy and demand cost in each slot.
///
/// The JSON form uses snake_case keys and ISO 8601 dates: read and write it with ``jsonDecoder`` and
/// ``jsonEncoder``.
public struct ScheduleProblem: Sendable, Hashable, Codable {
    /// The start of slot 0.
    public var start: Date
    /// Local time of recommendations, minutes east of UTC.
    public var utcOffsetMinutes: Int
    /// Length of a slot, minutes.
    public var slotMinutes: Int
    /// ISO 4217 currency of all prices.
    public var currency: String
    /// Price of grid energy in each slot, per kWh (surcharges per kWh included); its length is the horizon.
    public var energyPricePerKWh: [Double]
    /// The demand charges that apply over the horizon.
    public var demandCharges: [HorizonDemandCharge]
    /// Forecast of the site's load without the jobs, kW per slot.
    public var baseLoadKW: [Double]
    /// The grid power the site must not exceed in any slot, kW.
    public var peakLimitKW: Double
    /// The machines.
    public var machines: [String]
    /// The jobs to schedule.
    public var jobs: [ProductionJob]
    /// A battery the plan may use.
    public var storage: BatteryStorage?

    /// Creates a problem.
    public init(
        start: Date, utcOffsetMinutes: Int, slotMinutes: Int = 15, currency: String, energyPricePerKWh: [Double],
        demandCharges: [HorizonDemandCharge], baseLoadKW: [Double], peakLimitKW: Double, machines: [String],
        jobs: [ProductionJob], storage: BatteryStorage? = nil
    ) {
        self.start = start
        self.utcOffsetMinutes = utcOffsetMinutes
        self.slotMinutes = slotMinutes
        self.currency = currency
        self.energyPricePerKWh = energyPricePerKWh
        self.demandCharges = demandCharges
        self.baseLoadKW = baseLoadKW
        self.peakLimitKW = peakLimitKW
        self.machines = machines
        self.jobs = jobs
        self.storage = storage
    }

    /// Number of slots.
    public var slotCount: Int { energyPricePerKWh.count }
    /// Hours per slot.
    var slotHours: Double { Double(slotMinutes) / 60 }

    /// Local clock time of the start of `slot`, `HH:mm`, with `+Nd` on later days.
    public func clockTime(ofSlot slot: Int) -> String {
        let instant = start.addingTimeInterval(Double(slot * slotMinutes * 60))
        let local = LocalTime(instant, utcOffsetMinutes: utcOffsetMinutes)
        let first = LocalTime(start, utcOffsetMinutes: utcOffsetMinutes)
        let days = Int((Double(slot * slotMinutes + first.hour * 60 + first.minute) / 1440).rounded(.down))
        return String(format: "%02d:%02d", local.hour, local.minute) + (days > 0 ? " (+\(days)d)" : "")
    }

    /// Encodes problems and plans: snake_case keys, ISO 8601 dates, sorted keys.
    public static var jsonEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .custom { path in SnakeCaseKey(stringValue: SnakeCaseKey.snake(path.last!.stringValue)) }
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    /// Decodes problems and plans written by ``jsonEncoder``.
    public static var jsonDecoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .custom { path in SnakeCaseKey(stringValue: SnakeCaseKey.camel(path.last!.stringValue)) }
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
