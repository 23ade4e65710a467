import Testing

@testable import Sim

@Suite("Simulation clock")
struct SimulationClockTests {
    @Test("a backfill replays history accelerated, then holds simulated time at the wall clock")
    func backfillCatchesUpThenRunsInRealTime() {
        let start = ContinuousClock.now
        let wall: Int64 = 1_764_082_800_000
        let clock = SimulationClock(wallClockMillis: wall, acceleration: 60, backfillMillis: 300_000, startInstant: start)
        #expect(clock.startMillis == wall - 300_000)
        #expect(clock.simulatedMillis(at: start + .seconds(2)) == wall - 300_000 + 120_000)
        #expect(clock.simulatedMillis(at: start + .seconds(10)) == wall + 10_000)
        #expect(clock.simulatedMillis(at: start + .seconds(100)) == wall + 100_000)
    }

    @Test("without a backfill an accelerated clock runs ahead of the wall clock")
    func acceleratedWithoutBackfill() {
        let start = ContinuousClock.now
        let clock = SimulationClock(wallClockMillis: 0, acceleration: 60, startInstant: start)
        #expect(clock.simulatedMillis(at: start + .seconds(10)) == 600_000)
    }
}
