import Foundation
import Testing
import VoltlineScheduling

@Suite("Tariff JSON")
struct TariffJSONTests {
    @Test("the default tariff survives a save and load, holidays and ratchet included")
    func roundTrip() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tariff-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try Tariff.koreanIndustrial.save(to: file)
        let loaded = try Tariff(contentsOf: file)
        #expect(loaded == Tariff.koreanIndustrial)
        #expect(loaded.holidays.contains("2024-09-17"))
        #expect(loaded.demandCharges.first?.ratchet?.months == [12, 1, 2, 7, 8, 9])
        let text = String(decoding: try loaded.jsonData(), as: UTF8.self)
        #expect(text.contains("\"rate_per_kw\" : 6490"))
        #expect(text.contains("\"weekend_days\" : [\n    7\n  ]"))
    }

    @Test("optional fields default: weekend Saturday and Sunday, no holidays, charges or surcharges")
    func defaults() throws {
        let minimal = """
            {"name":"flat","currency":"EUR","seasons":[{"name":"all","months":[1,2,3,4,5,6,7,8,9,10,11,12],
             "windows":[],"otherwise":"flat","prices":{"flat":0.2}}]}
            """
        let tariff = try Tariff(jsonData: Data(minimal.utf8))
        #expect(tariff.weekendDays == [6, 7])
        #expect(tariff.holidays.dates.isEmpty)
        #expect(tariff.demandCharges.isEmpty && tariff.surcharges.isEmpty)
        #expect(tariff.utcOffsetMinutes == 0)
    }

    @Test("invalid definitions are refused with the reason")
    func validation() {
        let missingMonth = """
            {"name":"x","currency":"EUR","seasons":[{"name":"s","months":[1,2,3],"windows":[],
             "otherwise":"flat","prices":{"flat":0.2}}]}
            """
        #expect(throws: TariffError.self) { try Tariff(jsonData: Data(missingMonth.utf8)) }
        let unpriced = """
            {"name":"x","currency":"EUR","seasons":[{"name":"s","months":[1,2,3,4,5,6,7,8,9,10,11,12],
             "windows":[{"period":"peak","from_hour":8,"to_hour":20}],"otherwise":"flat","prices":{"flat":0.2}}]}
            """
        do {
            _ = try Tariff(jsonData: Data(unpriced.utf8))
            Issue.record("an unpriced period was accepted")
        } catch {
            #expect("\(error)" == "season s has no price for period peak")
        }
    }
}
