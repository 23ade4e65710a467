public import Foundation

/// Reads cells in the CSV format of the NASA battery ageing data (`B000N_charge.csv.gz`,
/// `B000N_discharge.csv.gz`, `capacity_per_cycle.csv`) from any directory, for any number of cells.
///
/// Gzipped files are decompressed by piping them through `/bin/gzip -dc`; plain `.csv` files with the same
/// stem are read directly when no `.gz` is present.
public enum NASADataset {
    /// The measured columns kept from the charge and discharge files (the charger's and load's set points
    /// are left out).
    private static let measuredColumns = ["time_s", "voltage_V", "current_A", "temperature_C"]

    /// The names of the cells in `directory`: every `NAME_charge.csv[.gz]` with a matching discharge file,
    /// sorted.
    /// - Throws: ``NASADataError`` when the directory cannot be listed.
    public static func cellNames(in directory: URL) throws(NASADataError) -> [String] {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw NASADataError(path: directory.path, reason: "cannot list directory: \(error)")
        }
        let names = entries.compactMap { entry -> String? in
            for suffix in ["_charge.csv.gz", "_charge.csv"] where entry.hasSuffix(suffix) {
                return String(entry.dropLast(suffix.count))
            }
            return nil
        }
        return Set(names).filter { name in
            entries.contains("\(name)_discharge.csv.gz") || entries.contains("\(name)_discharge.csv")
        }.sorted()
    }

    /// Loads cells from `directory`.
    /// - Parameters:
    ///   - directory: the folder holding the files.
    ///   - cells: the cell names to load; nil loads every cell found by ``cellNames(in:)``.
    /// - Returns: the cells in the order asked (or sorted by name).
    /// - Throws: ``NASADataError`` when a file is missing or malformed, or gzip fails.
    public static func load(directory: URL, cells: [String]? = nil) throws(NASADataError) -> [NASACell] {
        let names: [String]
        if let cells { names = cells } else { names = try cellNames(in: directory) }
        let capacities = try loadCapacities(directory.appendingPathComponent("capacity_per_cycle.csv"))
        var loaded: [NASACell] = []
        for name in names {
            loaded.append(
                NASACell(
                    name: name, charges: try loadCycles(directory, file: "\(name)_charge", cycleColumn: "charge_cycle"),
                    discharges: try loadCycles(directory, file: "\(name)_discharge", cycleColumn: "discharge_cycle"),
                    capacities: capacities[name] ?? []))
        }
        return loaded
    }

    /// Reads `capacity_per_cycle.csv` into rows per cell, each in cycle order.
    /// - Throws: ``NASADataError`` when the file is missing or malformed.
    public static func loadCapacities(_ url: URL) throws(NASADataError) -> [String: [CellCapacity]] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw NASADataError(path: url.path, reason: "cannot read: \(error)")
        }
        var lines = text.split(whereSeparator: \.isNewline)
        guard !lines.isEmpty else { throw NASADataError(path: url.path, reason: "empty file") }
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        guard let cell = header.firstIndex(of: "battery"), let cycle = header.firstIndex(of: "discharge_cycle"),
            let capacity = header.firstIndex(of: "capacity_Ah"),
            let integrated = header.firstIndex(of: "capacity_integrated_Ah")
        else {
            throw NASADataError(path: url.path, reason: "header lacks battery, discharge_cycle or capacity columns")
        }
        var rows: [String: [CellCapacity]] = [:]
        for (index, line) in lines.enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == header.count, let cycleNumber = Int(fields[cycle]),
                let capacityAh = Double(fields[capacity]), let integratedAh = Double(fields[integrated])
            else {
                throw NASADataError(path: url.path, reason: "line \(index + 2) is malformed")
            }
            rows[String(fields[cell]), default: []].append(
                CellCapacity(cycle: cycleNumber, capacityAh: capacityAh, integratedAh: integratedAh))
        }
        return rows.mapValues { $0.sorted { $0.cycle < $1.cycle } }
    }

    private static func loadCycles(_ directory: URL, file: String, cycleColumn: String) throws(NASADataError)
        -> [CycleRecording]
    {
        let gzipped = directory.appendingPathComponent(file + ".csv.gz")
        let plain = directory.appendingPathComponent(file + ".csv")
        let url = FileManager.default.fileExists(atPath: gzipped.path) ? gzipped : plain
        let bytes = try url == gzipped ? gunzip(gzipped) : read(plain)
        let csv = try NumericCSV(bytes: bytes, wanted: [cycleColumn] + measuredColumns, path: url.path)
        return split(csv.columns)
    }

    /// Splits the file's rows into cycles wherever the cycle number changes.
    private static func split(_ columns: [[Double]]) -> [CycleRecording] {
        let cycle = columns[0]
        var recordings: [CycleRecording] = []
        var start = 0
        while start < cycle.count {
            var end = start
            while end < cycle.count && cycle[end] == cycle[start] { end += 1 }
            recordings.append(
                CycleRecording(
                    cycle: Int(cycle[start]), timeSeconds: Array(columns[1][start..<end]),
                    voltageV: Array(columns[2][start..<end]), currentA: Array(columns[3][start..<end]),
                    temperatureC: Array(columns[4][start..<end])))
            start = end
        }
        return recordings
    }

    private static func read(_ url: URL) throws(NASADataError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw NASADataError(path: url.path, reason: "cannot read: \(error)")
        }
    }

    private static func gunzip(_ url: URL) throws(NASADataError) -> Data {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw NASADataError(path: url.path, reason: "file not found")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", url.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw NASADataError(path: url.path, reason: "cannot run /bin/gzip: \(error)")
        }
        // Read to the end before waiting: gzip blocks once the pipe's buffer is full.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NASADataError(path: url.path, reason: "gzip -dc exited with status \(process.terminationStatus)")
        }
        return data
    }
}
