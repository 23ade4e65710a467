import Foundation

/// Incremental capacity analysis: dQ/dV of a slow charge against voltage, smoothed, and its main peak.
///
/// The peaks of dQ/dV mark the electrode phase transitions; as a cell ages they shrink and move, which makes
/// their position and height health indicators that need only part of a charge.
public struct IncrementalCapacity: Sendable, Equatable {
    /// The voltage grid (bin centres), in V.
    public let voltageV: [Double]
    /// Smoothed dQ/dV at each grid voltage, in Ah/V.
    public let ampHoursPerVolt: [Double]

    /// The voltage of the highest smoothed dQ/dV, in V (nil when the curve is empty).
    public var peakVoltageV: Double? { peakIndex.map { voltageV[$0] } }
    /// The height of the highest smoothed dQ/dV, in Ah/V.
    public var peakAmpHoursPerVolt: Double? { peakIndex.map { ampHoursPerVolt[$0] } }

    private var peakIndex: Int? { ampHoursPerVolt.indices.max { ampHoursPerVolt[$0] < ampHoursPerVolt[$1] } }

    /// Computes dQ/dV from samples of a charge (voltage rising with charge).
    ///
    /// The charge at each grid voltage is interpolated where the voltage first reaches it (a running maximum
    /// of the voltage makes noise harmless); differences over the grid give dQ/dV, smoothed with a Gaussian
    /// kernel of `smoothingBins` standard deviation.
    /// - Parameters:
    ///   - voltageV: terminal voltage per sample.
    ///   - ampHours: cumulative charge per sample (see ``CoulombCounter/cumulativeAmpHours(timeSeconds:currentA:maxGapSeconds:)``).
    ///   - range: the voltage range analysed.
    ///   - stepV: grid spacing.
    ///   - smoothingBins: Gaussian smoothing width in grid steps.
    public init(
        voltageV: [Double], ampHours: [Double], range: ClosedRange<Double>, stepV: Double = 0.01,
        smoothingBins: Double = 2
    ) {
        let binCount = Int(((range.upperBound - range.lowerBound) / stepV).rounded(.down))
        var chargeAtGrid: [Double?] = Array(repeating: nil, count: binCount + 1)
        var runningMax = -Double.infinity
        var previous: (v: Double, q: Double)?
        for (v, q) in zip(voltageV, ampHours) {
            guard v > runningMax else { continue }
            if let previous {
                let first = max(0, Int(((previous.v - range.lowerBound) / stepV).rounded(.up)))
                let last = min(binCount, Int(((v - range.lowerBound) / stepV).rounded(.down)))
                if first <= last {
                    for gridIndex in first...last where chargeAtGrid[gridIndex] == nil {
                        let gridV = range.lowerBound + Double(gridIndex) * stepV
                        let fraction = (gridV - previous.v) / (v - previous.v)
                        chargeAtGrid[gridIndex] = previous.q + fraction * (q - previous.q)
                    }
                }
            }
            runningMax = v
            previous = (v, q)
        }
        var centres: [Double] = []
        var raw: [Double] = []
        for gridIndex in 0..<binCount {
            guard let lower = chargeAtGrid[gridIndex], let upper = chargeAtGrid[gridIndex + 1] else { continue }
            centres.append(range.lowerBound + (Double(gridIndex) + 0.5) * stepV)
            raw.append((upper - lower) / stepV)
        }
        self.voltageV = centres
        self.ampHoursPerVolt = Self.gaussianSmoothed(raw, sigma: smoothingBins)
    }

    private static func gaussianSmoothed(_ values: [Double], sigma: Double) -> [Double] {
        guard sigma > 0, values.count > 1 else { return values }
        let radius = Int((3 * sigma).rounded(.up))
        let kernel = (-radius...radius).map { offset in
            let x = Double(offset) / sigma
            return exp(-0.5 * x * x)
        }
        return values.indices.map { index in
            var sum = 0.0
            var weight = 0.0
            for offset in -radius...radius where values.indices.contains(index + offset) {
                sum += kernel[offset + radius] * values[index + offset]
                weight += kernel[offset + radius]
            }
            return sum / weight
        }
    }
}
