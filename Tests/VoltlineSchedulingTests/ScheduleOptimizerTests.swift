import Foundation
import Testing
import VoltlineScheduling

@Suite("Schedule optimiser", .timeLimit(.minutes(1)))
struct ScheduleOptimizerTests {
    @Test("a tiny instance reaches its known optimum, with the baseline, savings and recommendations")
    func knownOptimum() async throws {
        let outcome = try await ScheduleOptimizer.optimise(TinyProblems.twoJobs())
        #expect(outcome.method == "milp")
        #expect(outcome.status == "optimal")
        #expect(abs(outcome.objective - 3_450) < 1e-6)
        #expect(Set(outcome.plan.starts) == [1, 3])
        #expect(abs((outcome.gap ?? 1)) < 1e-6)
        // Baseline: both at 00:00, 2,000 energy and a 25 kW peak: 2,050 + 2,000 + 500.
        #expect(outcome.baseline?.starts == [0, 0])
        #expect(abs((outcome.baseline?.cost.total ?? 0) - 4_550) < 1e-6)
        #expect(abs((outcome.savings ?? 0) - 1_100) < 1e-6)
        let texts = outcome.recommendations.map(\.text)
        let movedTo = Dictionary(uniqueKeysWithValues: outcome.plan.assignments.map { ($0.job, $0.startTime) })
        let aSaving = movedTo["a"] == "01:00" ? "500" : "400"
        #expect(texts.contains("Move job a on m1 from 00:00 to \(movedTo["a"]!): saves \(aSaving) KRW"))
        #expect(texts.contains("Peak demand goes from 25 kW to 15 kW: saves 200 KRW in demand charges"))
        #expect(outcome.recommendations.map(\.savings) == outcome.recommendations.map(\.savings).sorted(by: >))
    }

    @Test("precedence: b waits for a, which runs two slots")
    func precedence() async throws {
        var problem = TinyProblems.twoJobs()
        problem.jobs[0].powerKW = [10, 10]
        problem.jobs[1].predecessors = ["a"]
        let outcome = try await ScheduleOptimizer.optimise(problem)
        let starts = outcome.plan.starts
        #expect(starts[1] >= starts[0] + 2)
        // a at 00:00–02:00 (1,500) with b at 03:00 (600) and a 15 kW peak (300): 2,050 + 2,400.
        #expect(abs(outcome.objective - 4_450) < 1e-6)
    }

    @Test("the battery charges cheap and discharges dear, within its SOC bounds")
    func arbitrage() async throws {
        let outcome = try await ScheduleOptimizer.optimise(TinyProblems.arbitrage())
        #expect(abs(outcome.objective - 1_000) < 1e-6)
        #expect(outcome.plan.storage.map(\.chargeKW) == [10, 0])
        #expect(outcome.plan.storage.map(\.dischargeKW) == [0, 10])
        #expect(outcome.plan.storage.map(\.socKWh) == [10, 0])
        #expect(abs((outcome.heuristic?.cost.total ?? 0) - 1_000) < 1e-6)
        #expect(outcome.recommendations.first?.text == "Charge pack during 00:00–01:00 and discharge it during 01:00–02:00: saves 1,500 KRW over leaving it idle")
    }

    @Test("infeasible inputs are explained before solving: job, constraint and why", arguments: [
        ("peak_limit", "job a draws up to 40 kW, but beside the base load the peak limit of 30 kW leaves at most 25 kW throughout any run between slots 0 (00:00) and 4 (04:00)"),
        ("horizon", "job a cannot start before slot 3 (03:00) and must start by slot 2 to run its 2 slots"),
        ("precedence", "jobs a, b wait for each other in a cycle"),
        ("machine_capacity", "machine m1 has 5 slots of work but only 4 slots"),
    ])
    func infeasible(constraint: String, message: String) async throws {
        var problem = TinyProblems.twoJobs()
        switch constraint {
        case "peak_limit": problem.jobs[0].powerKW = [40]
        case "horizon":
            problem.jobs[0].powerKW = [10, 10]
            problem.jobs[0].releaseSlot = 3
        case "precedence":
            problem.jobs[0].predecessors = ["b"]
            problem.jobs[1].predecessors = ["a"]
        default:
            problem.jobs[0].powerKW = [1, 1, 1]
            problem.jobs[1].machine = "m1"
            problem.jobs[1].powerKW = [1, 1]
        }
        do {
            _ = try await ScheduleOptimizer.optimise(problem)
            Issue.record("an infeasible problem was solved")
        } catch {
            let reason = try #require(error.reasons.first)
            #expect(reason.constraint == constraint)
            #expect(reason.message.hasPrefix(message), "\(reason.message)")
        }
    }

    @Test("generated instances: the MILP is never worse than the heuristic and every plan keeps every rule", arguments: [false, true])
    func generated(storage: Bool) async throws {
        let problem = ScheduleInstanceGenerator(seed: 7, jobs: 12, machines: 3, slots: 48, storage: storage).problem()
        let outcome = try await ScheduleOptimizer.optimise(problem, settings: .init(timeLimitSeconds: 10))
        let heuristic = try #require(outcome.heuristic)
        let baseline = try #require(outcome.baseline)
        #expect(outcome.objective <= heuristic.cost.total + 1e-6)
        #expect(heuristic.cost.total <= baseline.cost.total + 1e-6)
        for plan in [outcome.plan, heuristic, baseline] {
            #expect(plan.gridKW.allSatisfy { $0 <= problem.peakLimitKW + 1e-6 && $0 >= -1e-6 })
            for (job, assignment) in zip(problem.jobs, plan.assignments) {
                #expect(assignment.startSlot >= job.releaseSlot && assignment.endSlot <= problem.slotCount)
                for name in job.predecessors {
                    let before = try #require(plan.assignments.first { $0.job == name })
                    #expect(before.endSlot <= assignment.startSlot)
                }
            }
            for machine in problem.machines {
                let runs = plan.assignments.filter { $0.machine == machine }.sorted { $0.startSlot < $1.startSlot }
                #expect(zip(runs, runs.dropFirst()).allSatisfy { $0.endSlot <= $1.startSlot })
            }
            if let battery = problem.storage, !plan.storage.isEmpty {
                #expect(plan.storage.allSatisfy { $0.socKWh >= battery.minSOC * battery.capacityKWh - 1e-6 })
                #expect(plan.storage.allSatisfy { $0.socKWh <= battery.maxSOC * battery.capacityKWh + 1e-6 })
                #expect((plan.storage.last?.socKWh ?? 0) >= battery.finalSOC * battery.capacityKWh - 1e-6)
            }
        }
    }

    @Test("without the solver the heuristic plan is the answer")
    func fallback() async throws {
        let outcome = try await ScheduleOptimizer.optimise(TinyProblems.twoJobs(), settings: .init(useSolver: false))
        #expect(outcome.method == "heuristic")
        #expect(outcome.status == "solver_disabled")
        #expect(outcome.gap == nil)
        #expect(abs(outcome.objective - 3_450) < 1e-6)
    }

    @Test("the model is written in MPS format")
    func mps() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UUID().uuidString)")
        let file = try ScheduleOptimizer.writeMPS(TinyProblems.twoJobs(), toBase: base)
        defer { try? FileManager.default.removeItem(at: file) }
        let data = try Data(contentsOf: file)
        if file.pathExtension == "gz" {
            #expect(data.prefix(2) == Data([0x1F, 0x8B]))
        } else {
            #expect(String(decoding: data, as: UTF8.self).contains("ROWS"))
        }
    }
}
