import ArgumentParser
import Foundation
import VoltlineBattery
import VoltlineBatteryHealth

/// `voltline-battery validate-model`: the NASA parameter set against the NASA cells, as a table: the
/// 2 A discharge voltage RMSE per cycle, and the capacity fade of the simulated NASA protocol against
/// the measured capacity per cycle.
struct ValidateModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate-model", abstract: "Check the battery model against the NASA cells.")

    @Option(help: "Folder of the NASA CSV files (B0005_discharge.csv.gz, capacity_per_cycle.csv).")
    var data = "../shared/data/battery-nasa"
    @Option(help: "The cell to compare with.")
    var cell = "B0005"
    @Option(help: "Discharge cycles whose voltage curve is compared.")
    var voltageCycles = 10
    @Option(help: "Cycles of the NASA protocol to simulate for the fade trajectory.")
    var fadeCycles = 160
    @Option(help: "Integration step of the fade simulation in s.")
    var stepSeconds = 2.0

    func run() throws {
        guard let recorded = try NASADataset.load(directory: URL(fileURLWithPath: data), cells: [cell]).first else {
            throw ValidationError("no cell \(cell) in \(data)")
        }
        let discharges = Dictionary(recorded.discharges.map { ($0.cycle, $0.measuredSamples) }) { first, _ in first }
        print("cycle  voltage RMSE (mV)")
        var squares: [Double] = []
        for cycle in 1...voltageCycles {
            guard let measured = discharges[cycle], let rmse = DischargeComparison.rmse(model: .nasa18650, measured: measured)
            else { continue }
            squares.append(rmse * rmse)
            print(String(format: "%5d  %8.1f", cycle, rmse * 1000))
        }
        let pooled = (squares.reduce(0, +) / Double(max(1, squares.count))).squareRoot()
        print(String(format: "pooled %7.1f", pooled * 1000))

        let measuredCapacity = recorded.capacities.map(\.capacityAh)
        let start = Date()
        let simulated = simulateProtocol(cycles: min(fadeCycles, measuredCapacity.count))
        let seconds = Date().timeIntervalSince(start)
        print("\ncycle  measured Ah  model Ah")
        var error = 0.0
        for (index, model) in simulated.enumerated() {
            let measured = measuredCapacity[index]
            error += (model - measured) * (model - measured)
            if index % 20 == 0 || index == simulated.count - 1 {
                print(String(format: "%5d  %11.3f  %8.3f", index + 1, measured, model))
            }
        }
        let count = Double(max(1, simulated.count))
        print(String(format: "capacity RMSE %.3f Ah over %d cycles (%.1f s wall time)", (error / count).squareRoot(), simulated.count, seconds))
    }

    /// The NASA protocol on a fresh model cell: CC 1.5 A to 4.2 V, CV to 20 mA, 2 A to 2.7 V, with rests;
    /// returns the discharged capacity of every cycle.
    private func simulateProtocol(cycles: Int) -> [Double] {
        var random = SystemRandomNumberGenerator()
        var pack = BatteryPack(
            configuration: .single(.nasa18650, coolingConductanceWPerK: CellParameters.nasaChamberConductanceWPerK),
            stateOfCharge: 1, temperatureC: 24, random: &random)
        let cycler = Cycler(stepSeconds: stepSeconds, environment: PackEnvironment(ambientC: 24))
        let charge = [
            CyclerStep(.constantCurrentConstantVoltage(amps: 1.5, cellVoltageLimitV: 4.2), until: .currentBelow(0.02)),
            CyclerStep(.rest, until: .duration(seconds: 1800)),
        ]
        let discharge = [
            CyclerStep(.constantCurrent(amps: -2), until: .cellVoltageBelow(2.7)),
            CyclerStep(.rest, until: .duration(seconds: 1800)),
        ]
        var capacities: [Double] = []
        for _ in 0..<cycles {
            cycler.run(charge, on: &pack)
            let before = pack.countedChargeAh
            cycler.run(Array(discharge.prefix(1)), on: &pack)
            capacities.append(before - pack.countedChargeAh)
            cycler.run(Array(discharge.dropFirst()), on: &pack)
        }
        return capacities
    }
}
