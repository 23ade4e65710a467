import Foundation
import VoltlineXGBoost

extension LoadForecaster {
    /// What is stored: the settings, calendar, window, interval quantiles and XGBoost's own JSON model.
    private struct Stored: Codable {
        static let format = "voltline.load-forecaster.v1"
        var format: String
        var configuration: LoadForecasterConfiguration
        var calendar: ForecastCalendar
        var stepSeconds: Int64
        var trainedFrom: Int64
        var trainedUntil: Int64
        var calibrationMAE: Double?
        var residuals: ResidualQuantiles
        var booster: Data
    }

    /// The forecaster as bytes (JSON) for the model registry; ``init(serialized:)`` restores it.
    /// - Throws: ``LearningError`` when XGBoost cannot save the trees.
    public func serialized() throws(LearningError) -> [UInt8] {
        let booster: [UInt8]
        do { booster = try model.serialized() } catch { throw LearningError.unusableModel("saving the trees: \(error)") }
        let stored = Stored(
            format: Stored.format, configuration: configuration, calendar: calendar, stepSeconds: stepSeconds,
            trainedFrom: trainingWindow.lowerBound, trainedUntil: trainingWindow.upperBound,
            calibrationMAE: calibrationMAE.isFinite ? calibrationMAE : nil, residuals: residuals, booster: Data(booster))
        do { return Array(try JSONEncoder().encode(stored)) } catch {
            throw LearningError.unusableModel("encoding the forecaster: \(error)")
        }
    }

    /// Restores a forecaster saved by ``serialized()``.
    /// - Throws: ``LearningError/isUnusableModel`` when the bytes are corrupt or of another kind; the caller
    ///   falls back to a ``SeasonalNaiveForecaster``.
    public convenience init(serialized bytes: [UInt8]) throws(LearningError) {
        let stored: Stored
        do { stored = try JSONDecoder().decode(Stored.self, from: Data(bytes)) } catch {
            throw LearningError.unusableModel("not a stored load forecaster: \(error)")
        }
        guard stored.format == Stored.format else {
            throw LearningError.unusableModel("stored format \(stored.format), expected \(Stored.format)")
        }
        let model: GradientBoostedModel
        do { model = try GradientBoostedModel(serialized: Array(stored.booster)) } catch {
            throw LearningError.unusableModel("the stored trees do not load: \(error)")
        }
        self.init(
            configuration: stored.configuration, calendar: stored.calendar, stepSeconds: stored.stepSeconds,
            trainingWindow: stored.trainedFrom..<stored.trainedUntil, calibrationMAE: stored.calibrationMAE ?? .nan,
            model: model, residuals: stored.residuals)
    }
}
