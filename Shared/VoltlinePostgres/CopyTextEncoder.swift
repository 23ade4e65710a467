/// Encodes rows in `COPY`'s text format into chunks of bytes.
///
/// Fields are separated by tabs and rows end with a newline; NULL is `\N`; backslash, tab, newline and carriage
/// return inside values are backslash-escaped (the bytes of multi-byte UTF-8 characters never collide with them).
struct CopyTextEncoder {
    /// The encoded bytes not yet taken.
    private(set) var buffer: [UInt8] = []
    /// The size at which ``isChunkFull`` turns true.
    let chunkSize: Int

    init(chunkSize: Int) {
        self.chunkSize = chunkSize
        buffer.reserveCapacity(chunkSize + chunkSize / 8)
    }

    /// Whether enough bytes are buffered to send a chunk.
    var isChunkFull: Bool { buffer.count >= chunkSize }

    /// Appends one row.
    mutating func append(_ row: [any PostgresEncodable]) {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: "\t")) }
            guard let text = value.postgresText else {
                buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
                continue
            }
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case UInt8(ascii: "\t"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case UInt8(ascii: "\n"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case UInt8(ascii: "\r"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                default: buffer.append(byte)
                }
            }
        }
        buffer.append(UInt8(ascii: "\n"))
    }

    /// Returns the buffered bytes and starts a new chunk.
    mutating func takeChunk() -> [UInt8] {
        let chunk = buffer
        buffer.removeAll(keepingCapacity: true)
        return chunk
    }
}
