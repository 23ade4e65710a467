import Foundation

/// Deterministic test data shared by our clients and the tools, so both move the same bytes.
enum BenchData {
    /// A printable payload of `size` bytes with no newline, tab or colon (safe for `mosquitto_pub -l`, `kcat -K:`).
    static func payload(size: Int) -> [UInt8] {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
        return (0..<size).map { alphabet[$0 % alphabet.count] }
    }

    /// The Kafka keys, cycling over 100 device ids (`device-000` … `device-099`).
    static let deviceKeys: [[UInt8]] = (0..<100).map { Array("device-\(String(format: "%03d", $0))".utf8) }

    /// Writes `count` lines produced by `line` to `url`, buffering about 1 MiB at a time.
    static func writeLines(count: Int, to url: URL, line: (Int, inout [UInt8]) -> Void) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20 + 4096)
        for index in 0..<count {
            line(index, &buffer)
            buffer.append(UInt8(ascii: "\n"))
            if buffer.count >= 1 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
    }

    /// The number of newline-terminated lines in a file (what a tool printed, one line per message).
    static func countLines(in url: URL) -> Int {
        guard let data = try? Data(contentsOf: url) else { return 0 }
        return data.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }
}
