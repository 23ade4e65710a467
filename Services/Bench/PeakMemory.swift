import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The peak resident set size of this process, per scenario where the OS allows it.
///
/// Linux keeps the peak in `/proc/self/status` (`VmHWM`) and resets it when `5` is written to
/// `/proc/self/clear_refs`, so each scenario gets its own peak. Elsewhere `getrusage` gives the peak
/// since the process started, which only grows.
enum PeakMemory {
    /// Starts a new measurement period (Linux only; elsewhere a no-op).
    static func reset() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    /// The peak resident set in bytes since the last ``reset()`` (Linux) or process start.
    static func peakBytes() -> Int? {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        {
            return kilobytes * 1024
        }
        var usage = rusage()
        #if canImport(Darwin)
            guard getrusage(RUSAGE_SELF, &usage) == 0 else { return nil }
            return Int(usage.ru_maxrss)  // bytes on Darwin
        #else
            guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return nil }
            return Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
        #endif
    }
}
