import Foundation
import Testing
import VoltlineBatteryHealth
import VoltlineTestSupport

@Suite("NASA CSV loader")
struct NASADatasetTests {
    @Test("B0005 loads every cycle with its capacity")
    func loadsB0005() throws {
        let directory = try RepositoryPaths.sharedData("battery-nasa")
        #expect(try NASADataset.cellNames(in: directory) == ["B0005", "B0006"])
        let cell = try #require(try NASADataset.load(directory: directory, cells: ["B0005"]).first)
        #expect(cell.charges.count == 170)
        #expect(cell.discharges.count == 168)
        #expect(cell.capacities.count == 168)
        #expect(abs(cell.capacities[0].capacityAh - 1.8564874) < 1e-6)
        let first = try #require(cell.charge(cycle: 1))
        #expect(first.timeSeconds[0] == 0)
        #expect(abs(first.voltageV[1] - 3.47939) < 1e-9)
        #expect(abs(first.currentA[2] - 1.51273) < 1e-9)
        let discharge = try #require(cell.discharge(cycle: 1))
        #expect(discharge.currentA.dropFirst(5).prefix(50).allSatisfy { abs($0 + 2) < 0.05 })
    }

    @Test("a missing directory names the file")
    func missingFile() {
        #expect(throws: NASADataError.self) {
            try NASADataset.load(directory: URL(fileURLWithPath: "/nonexistent"), cells: ["B0005"])
        }
    }
}
