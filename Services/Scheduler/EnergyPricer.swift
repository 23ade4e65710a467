import Foundation
import Logging
import Metrics
import ServiceLifecycle
import VoltlinePostgres
import VoltlineScheduling
import VoltlineService

/// Prices the `energy_15m` intervals not yet in `energy_costs` under the active tariff, on a timer.
///
/// Idempotent: each pass selects only intervals without a cost row and inserts under the natural key
/// `(device_id, interval_start)` with `ON CONFLICT DO NOTHING`, so a repeated or concurrent pass adds
/// nothing twice. An interval keeps the price of the tariff active when it was first priced.
struct EnergyPricer: Service, CustomStringConvertible {
    let pool: PostgresPool
    let tariffs: TariffStore
    let settings: PricingSettings
    let readiness: ReadinessProbe
    let logger: Logger
    private let priced = Counter(label: "voltline_scheduler_priced_intervals_total")
    private let failures = Counter(label: "voltline_scheduler_pricing_failures_total")
    private let passDuration = Timer(label: "voltline_scheduler_pricing_pass_duration")

    var description: String { "EnergyPricer" }

    /// Creates the pricer; it sets the readiness condition `database` after each pass.
    init(
        pool: PostgresPool, tariffs: TariffStore, settings: PricingSettings, readiness: ReadinessProbe, logger: Logger
    ) {
        self.pool = pool
        self.tariffs = tariffs
        self.settings = settings
        self.readiness = readiness
        self.logger = logger
    }

    func run() async {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    _ = try await priceOnce()
                    readiness.set("database", true)
                } catch where !Task.isCancelled {
                    readiness.set("database", false)
                    failures.increment()
                    logger.warning("pricing pass failed", metadata: ["error": "\(error)"])
                } catch {
                    return
                }
                try? await Task.sleep(for: settings.interval)
            }
        }
    }

    /// Prices every interval not priced yet.
    /// - Returns: the number of cost rows inserted.
    func priceOnce() async throws -> Int {
        guard let tariff = try await tariffs.active() else {
            logger.warning("no active tariff; nothing priced")
            return 0
        }
        let started = ContinuousClock.now
        var inserted = 0
        while true {
            let (fetched, added) = try await priceBatch(under: tariff)
            inserted += added
            if fetched < settings.batchSize { break }
        }
        passDuration.record(duration: ContinuousClock.now - started)
        priced.increment(by: inserted)
        if inserted > 0 {
            logger.info("priced energy intervals", metadata: ["intervals.count": "\(inserted)", "tariff": "\(tariff.name)"])
        }
        return inserted
    }

    /// Prices up to one batch in one transaction.
    /// - Returns: how many unpriced intervals were read and how many cost rows were inserted.
    private func priceBatch(under tariff: Tariff) async throws -> (fetched: Int, inserted: Int) {
        try await pool.withConnection { connection in
            try await connection.withTransaction { transaction in
                let rows = try await transaction.query(
                    """
                    SELECT e.device_id, e.interval_start, e.energy_kwh, coalesce(d.site, 'default'), d.line
                    FROM energy_15m e
                    LEFT JOIN devices d USING (device_id)
                    WHERE NOT EXISTS (SELECT 1 FROM energy_costs c
                                      WHERE c.device_id = e.device_id AND c.interval_start = e.interval_start)
                    ORDER BY e.interval_start, e.device_id
                    LIMIT \(Int64(settings.batchSize))
                    """)
                var costs: [[any PostgresEncodable]] = []
                costs.reserveCapacity(rows.count)
                for row in rows {
                    let start = try row.decode(Date.self, at: 1)
                    let price = tariff.price(energyKWh: try row.decode(Double.self, at: 2), intervalStart: start)
                    costs.append([
                        try row.decode(String.self, at: 0), start, try row.decode(String.self, at: 3),
                        try row.decode(String?.self, at: 4), tariff.name, price.period, price.energyKWh,
                        price.pricePerKWh, price.cost,
                    ])
                }
                guard !costs.isEmpty else { return (0, 0) }
                try await transaction.execute(
                    "CREATE TEMP TABLE energy_costs_batch (LIKE energy_costs) ON COMMIT DROP")
                try await transaction.copy(
                    into: PostgresIdentifier("energy_costs_batch"),
                    columns: [
                        "device_id", "interval_start", "site", "line", "tariff", "period", "energy_kwh",
                        "price_per_kwh", "cost",
                    ], rows: costs)
                let inserted = try await transaction.execute(
                    "INSERT INTO energy_costs SELECT * FROM energy_costs_batch ON CONFLICT DO NOTHING")
                return (rows.count, inserted)
            }
        }
    }
}
