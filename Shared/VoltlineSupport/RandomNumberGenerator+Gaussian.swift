import Foundation

extension RandomNumberGenerator {
    /// A normally distributed number (Box–Muller transform), for measurement and process noise.
    /// - Parameters:
    ///   - mean: the distribution's mean.
    ///   - standardDeviation: the distribution's standard deviation; zero gives `mean`.
    /// - Returns: one sample.
    public mutating func nextGaussian(mean: Double = 0, standardDeviation: Double) -> Double {
        // 1 - u keeps the logarithm's argument in (0, 1].
        let u = 1 - Double.random(in: 0..<1, using: &self)
        let v = Double.random(in: 0..<1, using: &self)
        return mean + standardDeviation * (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}
