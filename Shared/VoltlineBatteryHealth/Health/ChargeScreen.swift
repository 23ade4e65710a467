/// Decides which charges are fit to estimate state of health, remembering the recent charges of one cell.
///
/// Rules, each from what one charge shows (never from the capacity it will be scored against):
/// a partial charge (started above the voltage window, or took in less than ``Configuration/minimumChargeFraction``
/// of rated capacity), a charge cut short (ended above ``Configuration/maximumEndCurrentA``), and a charge
/// after a rest (started more than ``Configuration/restCoolingC`` cooler than the median start of the
/// previous ``Configuration/historyLength`` charges).
public struct ChargeScreen: Sendable {
    /// Thresholds of the rules.
    public struct Configuration: Sendable, Hashable, Codable {
        /// Rated capacity in Ah.
        public var ratedCapacityAh: Double
        /// Smallest accepted charge as a fraction of rated capacity.
        public var minimumChargeFraction: Double
        /// Highest accepted current at the end of the charge, in A.
        public var maximumEndCurrentA: Double
        /// A start this much cooler than recent starts marks a rest, in °C.
        public var restCoolingC: Double
        /// Recent charges remembered.
        public var historyLength: Int

        /// Defaults for the NASA protocol (2 Ah, 20 mA cut-off).
        public init(
            ratedCapacityAh: Double = 2, minimumChargeFraction: Double = 0.5, maximumEndCurrentA: Double = 0.1,
            restCoolingC: Double = 1, historyLength: Int = 5
        ) {
            self.ratedCapacityAh = ratedCapacityAh
            self.minimumChargeFraction = minimumChargeFraction
            self.maximumEndCurrentA = maximumEndCurrentA
            self.restCoolingC = restCoolingC
            self.historyLength = historyLength
        }
    }

    /// The thresholds.
    public let configuration: Configuration
    private var recentStartTemperatures: [Double] = []

    /// Creates a screen with no history.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Judges the next charge of the cell and remembers it.
    /// - Returns: why it is rejected, or nil when it is accepted.
    public mutating func judge(_ features: ChargeFeatures) -> ChargeRejection? {
        let recentStart = Statistics.median(recentStartTemperatures)
        if features.chargedAh > configuration.minimumChargeFraction * configuration.ratedCapacityAh {
            recentStartTemperatures.append(features.startTemperatureC)
            if recentStartTemperatures.count > configuration.historyLength { recentStartTemperatures.removeFirst() }
        }
        if features.windowAh == nil
            || features.chargedAh < configuration.minimumChargeFraction * configuration.ratedCapacityAh
        {
            return .partialCharge
        }
        if features.endCurrentA > configuration.maximumEndCurrentA { return .cutShort }
        if let recentStart, features.startTemperatureC < recentStart - configuration.restCoolingC { return .afterRest }
        return nil
    }
}
