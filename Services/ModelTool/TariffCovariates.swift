import Foundation
import VoltlineLearning
import VoltlineScheduling

/// Features of each interval that the tariff calendar fixes in advance: the energy price of its time-of-use
/// period and its kind of day. Computed from the timestamps alone, so they never carry information about the
/// future beyond what the calendar already says (unlike a recorded period column, which also marks unplanned
/// shutdown days).
struct TariffCovariates {
    let tariff: Tariff

    /// Two columns over `series`: price per kWh, and day type (0 weekday, 1 weekend, 2 holiday).
    /// The series' times are local wall-clock times, as in the steel plant's file.
    func columns(for series: LoadSeries) -> [[Double]] {
        var prices: [Double] = []
        var days: [Double] = []
        prices.reserveCapacity(series.values.count)
        days.reserveCapacity(series.values.count)
        for index in series.values.indices {
            let local = series.startSeconds + Int64(index) * series.stepSeconds
            let instant = Date(timeIntervalSince1970: TimeInterval(local - Int64(tariff.utcOffsetMinutes) * 60))
            let period = tariff.period(at: instant)
            prices.append(period.pricePerKWh)
            days.append(Double(DayType.allCases.firstIndex(of: period.dayType) ?? 0))
        }
        return [prices, days]
    }
}
