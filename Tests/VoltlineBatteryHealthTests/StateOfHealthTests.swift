import Foundation
import Testing
import VoltlineBatteryHealth
import VoltlineTestSupport

@Suite("State of health and remaining life on the NASA cells")
struct StateOfHealthTests {
    @Test("B0006 from a model trained on B0005: SOH RMSE below 2 % over ≥ 90 % accepted charges, EOL within 10 %")
    func leaveOneCellOut() throws {
        let cells = try NASADataset.load(directory: try RepositoryPaths.sharedData("battery-nasa"))
        let evaluation = HealthEvaluation(ratedCapacityAh: 2, endOfLifeThreshold: 0.7)
        let results = try evaluation.evaluate(cells)
        for result in results {
            #expect(result.rmsePercent < 2, "\(result.cell) SOH RMSE \(result.rmsePercent) %")
            #expect(Double(result.acceptedCount) >= 0.9 * Double(result.labelledCount), "\(result.cell)")
            #expect(result.rejected.count == result.labelledCount - result.acceptedCount)
            let error = try #require(result.endOfLifeErrorPercent)
            #expect(abs(error) < 10, "\(result.cell) end of life off by \(error) %")
            // The plain charged-Ah estimate: right most of the time, badly wrong on partial charges.
            #expect(result.plainMedianErrorPercent < 2)
            #expect(result.plainRMSEPercent > 5)
        }
        let b0006 = try #require(results.first { $0.cell == "B0006" })
        #expect(b0006.trainedOn == ["B0005"])
        #expect(b0006.endOfLifeCycle == 109)
    }

    @Test("a stored model reloads and predicts the same")
    func roundTrip() throws {
        let cells = try NASADataset.load(directory: try RepositoryPaths.sharedData("battery-nasa"), cells: ["B0005"])
        let observations = HealthObservation.observations(of: cells[0]).filter {
            $0.rejection == nil && $0.measuredCapacityAh != nil
        }
        let model = try StateOfHealthModel.train(
            samples: observations.map { ($0.features, $0.measuredCapacityAh! / 2) }, ratedCapacityAh: 2,
            trainedOn: ["B0005"])
        let reloaded = try StateOfHealthModel(serialized: try model.serialized())
        #expect(reloaded.metadata == model.metadata)
        let features = observations.prefix(20).map(\.features)
        #expect(try reloaded.stateOfHealth(features) == model.stateOfHealth(features))
    }
}

@Suite("Remaining useful life")
struct RemainingLifeTests {
    @Test("a straight fade crosses where it should, and the band narrows with more data")
    func linearFade() throws {
        // SOH falls 0.2 % a cycle from 1.0 with ±0.5 % scatter: 80 % at cycle 100.
        let scatter = (0..<90).map { sin(Double($0) * 12.9898) * 0.005 }
        let estimator = RemainingLifeEstimator(configuration: .init(threshold: 0.8, halfLifeCycles: 1000))
        func history(_ count: Int) -> [HealthPoint] {
            (0..<count).map { HealthPoint(cycles: Double($0), stateOfHealth: 1 - 0.002 * Double($0) + scatter[$0]) }
        }
        let early = try #require(estimator.estimate(history(20)))
        let late = try #require(estimator.estimate(history(90)))
        #expect(abs(late.endOfLifeCycles - 100) < 3)
        #expect(late.endOfLifeCyclesLow <= late.endOfLifeCycles && late.endOfLifeCycles <= late.endOfLifeCyclesHigh)
        #expect(
            late.endOfLifeCyclesHigh - late.endOfLifeCyclesLow < early.endOfLifeCyclesHigh - early.endOfLifeCyclesLow)
        #expect(abs(late.remainingCycles - (late.endOfLifeCycles - 89)) < 1e-9)
    }

    @Test("dated history gives a calendar date at the recent cycling rate")
    func calendarDate() throws {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let history = (0..<30).map {
            HealthPoint(cycles: Double($0), stateOfHealth: 1 - 0.004 * Double($0), date: start + Double($0) * 86_400)
        }
        let life = try #require(RemainingLifeEstimator().estimate(history))
        // 80 % at cycle 50, one cycle a day.
        #expect(abs(life.endOfLifeCycles - 50) < 0.01)
        let date = try #require(life.endOfLifeDate)
        #expect(abs(date.timeIntervalSince(start) - 50 * 86_400) < 3600)
    }
}

@Suite("State-of-health models in PostgreSQL", .timeLimit(.minutes(3)))
struct StateOfHealthModelStoreTests {
    @Test("a stored model is the newest, reloads with its version, and a version is stored once")
    func storeAndReload() async throws {
        let cells = try NASADataset.load(directory: try RepositoryPaths.sharedData("battery-nasa"), cells: ["B0006"])
        let observations = HealthObservation.observations(of: cells[0]).filter {
            $0.rejection == nil && $0.measuredCapacityAh != nil
        }
        let model = try StateOfHealthModel.train(
            samples: observations.map { ($0.features, $0.measuredCapacityAh! / 2) }, ratedCapacityAh: 2,
            trainedOn: ["B0006"], parameters: .init(rounds: 20, threads: 1))
        try await TestDatabase.with { database in
            let connection = try await database.connect()
            #expect(try await StateOfHealthModelStore.newest(on: connection) == nil)
            #expect(try await StateOfHealthModelStore.store(model, on: connection))
            #expect(try await StateOfHealthModelStore.store(model, on: connection) == false)
            let reloaded = try #require(try await StateOfHealthModelStore.newest(on: connection))
            #expect(reloaded.metadata == model.metadata)
            let features = observations.prefix(5).map(\.features)
            #expect(try reloaded.stateOfHealth(features) == model.stateOfHealth(features))
            await connection.close()
        }
    }
}
