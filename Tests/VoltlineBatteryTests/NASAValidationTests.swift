import Testing
import VoltlineBattery

@Suite("Model against the NASA cells")
struct NASAValidationTests {
    @Test("the 2 A discharge of a fresh B0005 cell is within 30 mV RMSE on its first five cycles")
    func freshDischargeVoltage() throws {
        let cycles = try NASARecords.dischargeCycles(cell: "B0005", cycles: 1...5)
        #expect(cycles.count == 5)
        for cycle in 1...5 {
            let measured = try #require(cycles[cycle])
            let rmse = try #require(DischargeComparison.rmse(model: .nasa18650, measured: measured))
            print("B0005 cycle \(cycle): voltage RMSE \(rmse * 1000) mV")
            #expect(rmse <= 0.030, "cycle \(cycle): \(rmse) V")
        }
    }
}
