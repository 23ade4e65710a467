/// Replays a measured current record through the model and compares the voltages: the check of a
/// parameter set against real cells.
public enum DischargeComparison {
    /// Currents at or below this magnitude in A count as rest: the starting state of charge is read from
    /// a resting first sample, and rest samples are left out of the loaded-voltage error.
    public static let restCurrentA = 0.1

    /// The model's terminal voltage at each measured sample.
    ///
    /// The cell starts at the measured first temperature, with the state of charge whose open-circuit
    /// voltage is the first measured voltage when it is a rest sample (full otherwise), and exchanges heat
    /// with a chamber at that temperature. Between two samples the later sample's current flows, in
    /// integration steps of at most `maxStepSeconds`.
    /// - Parameters:
    ///   - model: the cell's parameters.
    ///   - measured: the record, in time order.
    ///   - conductanceWPerK: heat transfer from the cell to the chamber.
    ///   - ageing: the cell's ageing.
    ///   - maxStepSeconds: the longest integration step.
    public static func simulate(
        model: CellParameters, measured: [MeasuredSample], conductanceWPerK: Double,
        ageing: AgeingState = AgeingState(), maxStepSeconds: Double = 2
    ) -> [Double] {
        guard let first = measured.first else { return [] }
        let stateOfCharge =
            abs(first.currentA) <= restCurrentA ? model.openCircuitVoltage.stateOfCharge(atVoltage: first.voltageV) : 1
        var cell = EquivalentCircuitCell(
            parameters: model, stateOfCharge: stateOfCharge, temperatureC: first.temperatureC, ageing: ageing)
        let chamber = ThermalEnvironment(ambientC: first.temperatureC, conductanceWPerK: conductanceWPerK)
        var voltages = [cell.terminalVoltageV]
        for (previous, sample) in zip(measured, measured.dropFirst()) {
            let span = sample.seconds - previous.seconds
            let steps = max(1, Int((span / maxStepSeconds).rounded(.up)))
            for _ in 0..<steps {
                cell.step(currentA: sample.currentA, seconds: span / Double(steps), environment: chamber)
            }
            voltages.append(cell.terminalVoltageV)
        }
        return voltages
    }

    /// Root-mean-square error in V between the model's and the measured terminal voltage over the samples
    /// under load (current magnitude above ``restCurrentA``).
    /// - Parameters:
    ///   - model: the cell's parameters.
    ///   - measured: the record, in time order, starting at rest.
    ///   - conductanceWPerK: heat transfer from the cell to the chamber; NASA's chamber by default.
    /// - Returns: the RMSE in V, or nil when no sample is under load.
    public static func rmse(
        model: CellParameters, measured: [MeasuredSample],
        conductanceWPerK: Double = CellParameters.nasaChamberConductanceWPerK
    ) -> Double? {
        let predicted = simulate(model: model, measured: measured, conductanceWPerK: conductanceWPerK)
        var sum = 0.0
        var count = 0
        for (sample, voltage) in zip(measured, predicted) where abs(sample.currentA) > restCurrentA {
            sum += (voltage - sample.voltageV) * (voltage - sample.voltageV)
            count += 1
        }
        return count > 0 ? (sum / Double(count)).squareRoot() : nil
    }
}
