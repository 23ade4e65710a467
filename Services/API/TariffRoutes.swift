import Foundation
import Hummingbird
import VoltlinePostgres
import VoltlineScheduling

/// The active tariff (the scheduler's `tariffs` row), its current rates, and the bill of a posted series:
///
/// - `GET /api/v1/tariff`: the tariff's JSON definition (`docs/TARIFFS.md`).
/// - `GET /api/v1/tariff/rates?at=`: the season, kind of day, period and price at `at` (default now), the
///   surcharges and demand charges, and the period of each hour of that local day.
/// - `POST /api/v1/tariff/cost`: `{"interval_minutes": 15, "intervals": [{"start": "2018-01-09T10:00:00+09:00",
///   "energy_kwh": 12.5}, ...]}` → one bill per local month: energy by period, demand charges, surcharges, total.
struct TariffRoutes: Sendable {
    let pool: PostgresPool

    /// Adds the routes to `group` (mounted at `/api/v1`).
    func register(on group: RouterGroup<APIRequestContext>) {
        group.get("tariff") { _, _ in ScheduleJSONResponse.raw(String(decoding: try await active().jsonData(), as: UTF8.self)) }
        group.get("tariff/rates") { request, _ in try ScheduleJSONResponse.encode(try await rates(QueryParameters(request))) }
        group.post("tariff/cost") { request, _ in
            let body = try await ScheduleJSONResponse.decode(TariffCostRequest.self, from: request)
            let minutes = body.intervalMinutes ?? 15
            guard (1...1440).contains(minutes), !body.intervals.isEmpty else {
                throw HTTPError(.badRequest, message: "need intervals and an interval_minutes in 1…1440")
            }
            let tariff = try await active()
            return try ScheduleJSONResponse.encode(
                TariffCostJSON(
                    tariff: tariff.name, currency: tariff.currency,
                    bills: tariff.bills(for: body.intervals, intervalMinutes: minutes)))
        }
    }

    private func active() async throws -> Tariff {
        let rows = try await pool.withConnection { connection in
            try await connection.query("SELECT definition::text FROM tariffs WHERE active")
        }
        guard let text = try rows.first?.decode(String.self, at: 0) else {
            throw HTTPError(.notFound, message: "no tariff is active")
        }
        return try Tariff(jsonData: Data(text.utf8))
    }

    private func rates(_ query: QueryParameters) async throws -> TariffRatesJSON {
        let at = try query.time("at") ?? Date()
        let tariff = try await active()
        let now = tariff.period(at: at)
        // The hours of the local day of `at`, in the tariff's fixed offset.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: tariff.utcOffsetMinutes * 60)!
        let midnight = calendar.startOfDay(for: at)
        let hours = (0..<24).map { hour -> TariffRatesJSON.Hour in
            let period = tariff.period(at: midnight.addingTimeInterval(Double(hour * 3600)))
            return .init(hour: hour, period: period.period, pricePerKWh: period.pricePerKWh)
        }
        return TariffRatesJSON(
            tariff: tariff.name, currency: tariff.currency, at: at, date: now.date, season: now.season,
            dayType: now.dayType.rawValue, period: now.period, pricePerKWh: now.pricePerKWh,
            surchargePerKWh: tariff.surchargePerKWh,
            demandCharges: tariff.demandCharges.filter { $0.months.contains(now.month) }.map {
                .init(name: $0.name, ratePerKW: $0.ratePerKW, ratcheted: $0.ratchet != nil)
            },
            hours: hours)
    }
}

/// The body of `POST /api/v1/tariff/cost`.
struct TariffCostRequest: Decodable {
    var intervalMinutes: Int?
    var intervals: [MeteredInterval]
}

/// The answer of `POST /api/v1/tariff/cost`.
struct TariffCostJSON: Encodable {
    var tariff: String
    var currency: String
    var bills: [MonthlyBill]
}

/// The answer of `GET /api/v1/tariff/rates`.
struct TariffRatesJSON: Encodable {
    struct Hour: Encodable {
        var hour: Int
        var period: String
        var pricePerKWh: Double
    }

    struct Demand: Encodable {
        var name: String
        var ratePerKW: Double
        var ratcheted: Bool
    }

    var tariff: String
    var currency: String
    var at: Date
    var date: String
    var season: String
    var dayType: String
    var period: String
    var pricePerKWh: Double
    var surchargePerKWh: Double
    var demandCharges: [Demand]
    var hours: [Hour]
}
