import Foundation
import VoltlineDomain

/// Readings, random numbers and shared data files for the analytics tests.
enum TestSupport {
    /// 2025-01-01T00:00:00Z: a whole UTC day, so windows and intervals start on it.
    static let epoch: Int64 = 1_735_689_600_000

    static func machine(
        _ id: String = "m1", at millis: Int64, kW: Double, counter: Double? = nil, powerFactor: Double? = nil
    ) -> Reading {
        Reading(
            deviceID: id, timeMillis: millis,
            metrics: .machine(MachineMetrics(activePowerKW: kW, powerFactor: powerFactor, energyKWh: counter)))
    }

    static func pack(
        _ id: String = "p1", at millis: Int64, volts: Double = 50, amps: Double, celsius: Double = 25,
        soc: Double? = nil, cellMin: Double? = nil, cellMax: Double? = nil
    ) -> Reading {
        Reading(
            deviceID: id, timeMillis: millis,
            metrics: .batteryPack(
                PackMetrics(
                    voltageV: volts, currentA: amps, temperatureC: celsius, stateOfChargePercent: soc,
                    cellVoltageMinV: cellMin, cellVoltageMaxV: cellMax)))
    }

    /// A file under the shared data folder (`<repo>/../shared/data`), or nil when it is absent.
    static func dataFile(_ relativePath: String, filePath: String = #filePath) -> URL? {
        let repo = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let url = repo.deletingLastPathComponent().appendingPathComponent("shared/data/\(relativePath)")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The text of a gzip file, decompressed by `/bin/gzip`.
    static func gunzip(_ url: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// A seeded SplitMix64 generator with Gaussian samples (Box–Muller), so statistics tests are repeatable.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func gaussian() -> Double {
        let u1 = Double.random(in: Double.ulpOfOne..<1, using: &self)
        let u2 = Double.random(in: 0..<1, using: &self)
        return (-2 * Foundation.log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}
