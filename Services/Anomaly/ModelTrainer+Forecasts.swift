import Foundation
import Logging
import VoltlineLearning
import VoltlinePostgres

extension ModelTrainer {
    /// Refits a ``LoadForecaster`` per machine with at least `minimumDays` of `energy_15m`, stores it in the
    /// registry (subject: the device id), and writes its forecast of the next 48 hours from the end of the data
    /// to `load_forecasts`, for the scheduler and for BI. Calendar: Saturday and Sunday off, in UTC.
    func retrainForecasters(minimumDays: Int = 21) async {
        do {
            let devices = try await pool.withConnection { connection in
                try await connection.query(
                    """
                    SELECT device_id FROM energy_15m GROUP BY device_id
                    HAVING max(interval_start) - min(interval_start) >= make_interval(days => \(minimumDays)::int)
                    """)
            }
            for row in devices {
                let deviceID = try row.decode(String.self, at: 0)
                do {
                    try await retrainForecaster(for: deviceID)
                } catch {
                    logger.warning("load forecaster training failed", metadata: ["device": "\(deviceID)", "error": "\(error)"])
                }
            }
        } catch {
            logger.warning("listing machines for load forecasts failed", metadata: ["error": "\(error)"])
        }
    }

    private func retrainForecaster(for deviceID: String) async throws {
        let rows = try await pool.withConnection { connection in
            try await connection.query(
                """
                SELECT extract(epoch FROM interval_start)::bigint, energy_kwh FROM energy_15m
                WHERE device_id = \(deviceID) ORDER BY interval_start
                """)
        }
        let times = try rows.map { try $0.decode(Int64.self, at: 0) }
        let values = try rows.map { try $0.decode(Double.self, at: 1) }
        let series = try LoadSeries(times: times, values: values, stepSeconds: 900)
        let forecaster = try LoadForecaster.train(on: series)
        let version = try await ModelRegistry(pool: pool).store(
            StoredModel(
                kind: .loadForecaster, subject: deviceID, trainedFrom: forecaster.trainingWindow.lowerBound,
                trainedUntil: forecaster.trainingWindow.upperBound,
                metrics: ["calibration_mae_kwh": forecaster.calibrationMAE, "intervals": Double(series.values.count)],
                payload: try forecaster.serialized()))
        let forecast = try forecaster.forecast(series, origin: series.values.count, horizon: 192)
        let points = String(decoding: try JSONEncoder().encode(forecast.points), as: UTF8.self)
        try await pool.withConnection { connection in
            _ = try await connection.query(
                """
                INSERT INTO load_forecasts (subject, origin, interval_start, horizon, energy_kwh, lower_kwh, upper_kwh,
                    model, model_version)
                SELECT \(deviceID), to_timestamp(\(forecast.originSeconds)), to_timestamp(p."timeSeconds"), p.horizon,
                    p.value, p.lower, p.upper, 'gbt', \(version)
                FROM jsonb_to_recordset(\(points)::jsonb)
                    AS p("timeSeconds" bigint, horizon integer, value float8, lower float8, upper float8)
                ON CONFLICT (subject, origin, interval_start) DO UPDATE SET energy_kwh = EXCLUDED.energy_kwh,
                    lower_kwh = EXCLUDED.lower_kwh, upper_kwh = EXCLUDED.upper_kwh, model_version = EXCLUDED.model_version
                """)
        }
        logger.info("load forecaster trained", metadata: ["device": "\(deviceID)", "version": "\(version)"])
    }
}
