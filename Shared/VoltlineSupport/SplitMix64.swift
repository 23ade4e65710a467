/// A small, fast, seedable pseudo-random generator (Steele, Lea and Flood's SplitMix64).
///
/// The simulator, model training, bootstrap bands and instance generators draw from these, so the same seed
/// gives the same sequence on every platform; the system generator would not.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// Creates an independent generator for one named stream of `seed`, such as one device.
    ///
    /// The stream name is hashed with FNV-1a rather than `Hasher`, whose output changes from run to run.
    /// - Parameters:
    ///   - seed: the simulation's seed.
    ///   - stream: a name that tells this stream apart from the others of the same seed.
    public init(seed: UInt64, stream: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in stream.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        var mixer = SplitMix64(seed: seed ^ hash)
        state = mixer.next()
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
