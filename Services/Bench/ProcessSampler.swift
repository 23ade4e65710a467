import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// CPU time and memory of the processes that make up the running system, read from Linux's `/proc`.
///
/// A named entry may be a group of processes (PostgreSQL's postmaster and its backends): their CPU times add
/// up, and the peak RSS reported is the largest single process's, since shared buffers count in every backend.
struct ProcessSampler: Sendable {
    /// A named group of process ids, resolved again at every sample (PostgreSQL backends come and go).
    struct Group: Sendable {
        let name: String
        let pids: @Sendable () -> [Int32]
    }

    /// What a group used up to one instant.
    struct Sample: Sendable {
        var cpuSeconds: Double
        var rssBytes: Int
        var peakRSSBytes: Int
    }

    let groups: [Group]

    /// The groups of a system run by `deploy/local/voltline` in `stateDirectory`, plus this process.
    static func localSystem(stateDirectory: String, names: [String]) -> ProcessSampler {
        var groups = names.map { name in
            Group(name: name) { pidFile("\(stateDirectory)/run/\(name).pid").map { [$0] } ?? [] }
        }
        groups.append(
            Group(name: "postgres") {
                guard let postmaster = pidFile("\(stateDirectory)/postgres/postmaster.pid") else { return [] }
                return [postmaster] + children(of: postmaster)
            })
        groups.append(Group(name: "load generator (bench)") { [getpid()] })
        return ProcessSampler(groups: groups)
    }

    /// One sample per group, by name; groups with no live process are left out.
    func sample() -> [String: Sample] {
        var result: [String: Sample] = [:]
        for group in groups {
            let readings = group.pids().compactMap(Self.read)
            guard !readings.isEmpty else { continue }
            result[group.name] = Sample(
                cpuSeconds: readings.reduce(0) { $0 + $1.cpuSeconds },
                rssBytes: readings.map(\.rssBytes).max() ?? 0,
                peakRSSBytes: readings.map(\.peakRSSBytes).max() ?? 0)
        }
        return result
    }

    /// Restarts every process's peak-RSS record (`/proc/PID/clear_refs`; needs the right to write it).
    func resetPeaks() {
        for group in groups {
            for pid in group.pids() {
                try? "5".write(toFile: "/proc/\(pid)/clear_refs", atomically: false, encoding: .utf8)
            }
        }
    }

    /// The process id in the first line of a pid file.
    private static func pidFile(_ path: String) -> Int32? {
        (try? String(contentsOfFile: path, encoding: .utf8))?.split(separator: "\n").first.flatMap { Int32($0) }
    }

    private static func read(_ pid: Int32) -> Sample? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name: state is field 3, utime 14 and stime 15 (1-based, see proc(5)).
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        func kilobytes(_ key: String) -> Int {
            status.split(separator: "\n").first { $0.hasPrefix(key) }?.split(separator: " ").dropFirst().first
                .flatMap { Int($0) } ?? 0
        }
        return Sample(
            cpuSeconds: (user + system) / ticks, rssBytes: kilobytes("VmRSS:") * 1024,
            peakRSSBytes: kilobytes("VmHWM:") * 1024)
    }

    private static func children(of parent: Int32) -> [Int32] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { Int32($0) }.filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == parent
        }
    }
}
