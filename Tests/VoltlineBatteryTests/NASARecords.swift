import Foundation
import VoltlineBattery
import VoltlineTestSupport

/// Reads NASA discharge cycles (gzip CSV: discharge_cycle, time_s, voltage_V, current_A, temperature_C, ...)
/// through `/bin/gzip -dc`: only the columns the model comparison needs, only the cycles asked for.
enum NASARecords {
    static func dischargeCycles(cell: String, cycles: ClosedRange<Int>) throws -> [Int: [MeasuredSample]] {
        let url = try RepositoryPaths.sharedData("battery-nasa/\(cell)_discharge.csv.gz")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var result: [Int: [MeasuredSample]] = [:]
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 5, let cycle = Int(fields[0]) else { continue }
            if cycle > cycles.upperBound { break }
            guard cycles.contains(cycle), let time = Double(fields[1]), let voltage = Double(fields[2]),
                let current = Double(fields[3]), let temperature = Double(fields[4])
            else { continue }
            result[cycle, default: []].append(
                MeasuredSample(seconds: time, currentA: current, voltageV: voltage, temperatureC: temperature))
        }
        return result
    }
}
