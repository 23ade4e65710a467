import ArgumentParser
import Foundation
import VoltlineBattery
import VoltlineBatteryHealth

/// `voltline-battery evaluate`: leave-one-cell-out state of health and end of life on recorded cells.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "SOH RMSE/MAE per cell (trained on the other cells), end of life from half the life, model voltage RMSE.")

    @OptionGroup var data: DataDirectoryOptions

    @Option(help: "Rated capacity in Ah (SOH = capacity / rated).")
    var ratedCapacity: Double = 2

    @Option(help: "End-of-life threshold as a state of health (NASA: 0.7 = 1.4 Ah of 2 Ah).")
    var endOfLife: Double = 0.7

    @Option(help: "RUL fit: cycles back at which a point has half the weight of the newest.")
    var halfLife: Double = RemainingLifeEstimator.Configuration().halfLifeCycles

    @Option(help: "Discharge cycles per cell whose voltage curve is compared with the NASA battery model.")
    var voltageCycles = 10

    func run() throws {
        let cells = try NASADataset.load(directory: data.directory, cells: data.selectedCells)
        guard cells.count >= 2 else { throw ValidationError("leave-one-cell-out needs at least two cells") }
        let evaluation = HealthEvaluation(
            ratedCapacityAh: ratedCapacity, endOfLifeThreshold: endOfLife,
            life: RemainingLifeEstimator.Configuration(halfLifeCycles: halfLife))
        let results = try evaluation.evaluate(cells)
        print(
            "cell   trained_on  accepted   SOH_RMSE_%  SOH_MAE_%  plain_RMSE_%  plain_median_%  EOL_true  EOL_pred [5%-95%]   EOL_err_%  V_RMSE_mV")
        for result in results {
            let eol = result.predictedEndOfLife
            print(
                [
                    result.cell.padding(6), result.trainedOn.joined(separator: "+").padding(11),
                    "\(result.acceptedCount)/\(result.labelledCount)".padding(10),
                    format(result.rmsePercent).padding(11), format(result.maePercent).padding(10),
                    format(result.plainRMSEPercent).padding(13), format(result.plainMedianErrorPercent).padding(15),
                    (result.endOfLifeCycle.map(String.init) ?? "-").padding(9),
                    (eol.map {
                        "\(format($0.endOfLifeCycles, 0)) [\(format($0.endOfLifeCyclesLow, 0))-\(format($0.endOfLifeCyclesHigh, 0))]"
                    } ?? "-").padding(19),
                    (result.endOfLifeErrorPercent.map { format($0) } ?? "-").padding(10),
                    voltageRMSE(cells.first { $0.name == result.cell }!).map { format($0 * 1000, 1) } ?? "-",
                ].joined(separator: " "))
        }
        for result in results where !result.rejected.isEmpty {
            print("\nrejected cycles of \(result.cell) (\(result.rejected.count)):")
            for (cycle, reason) in result.rejected { print("  cycle \(cycle): \(reason.explanation)") }
        }
    }

    /// The NASA parameter set's pooled discharge voltage RMSE over the cell's first ``voltageCycles`` discharges
    /// (the battery model replays each measured current record; see ``DischargeComparison``).
    private func voltageRMSE(_ cell: NASACell) -> Double? {
        let squares = cell.discharges.prefix(voltageCycles).compactMap { discharge -> Double? in
            DischargeComparison.rmse(model: .nasa18650, measured: discharge.measuredSamples).map { $0 * $0 }
        }
        guard !squares.isEmpty else { return nil }
        return (squares.reduce(0, +) / Double(squares.count)).squareRoot()
    }

    private func format(_ value: Double, _ decimals: Int = 2) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
