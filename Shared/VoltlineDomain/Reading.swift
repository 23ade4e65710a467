/// One sample from one device at one event time: what ingest accepts and puts on Kafka.
public struct Reading: Sendable, Hashable {
    /// The reporting device's id (see ``DeviceID``).
    public var deviceID: String
    /// Event time: when the device measured, in milliseconds since the Unix epoch (UTC).
    public var timeMillis: Int64
    /// The gateway's per-device sequence number, when it sends one; with the event time it
    /// identifies a sample, so a redelivered sample is recognised as a duplicate.
    public var sequence: UInt64?
    /// The measurements, in canonical units.
    public var metrics: Metrics

    /// The device kind these metrics belong to.
    public var kind: DeviceKind { metrics.kind }

    /// Creates a reading.
    public init(deviceID: String, timeMillis: Int64, sequence: UInt64? = nil, metrics: Metrics) {
        self.deviceID = deviceID
        self.timeMillis = timeMillis
        self.sequence = sequence
        self.metrics = metrics
    }
}

/// The measurements of one reading, by device kind.
public enum Metrics: Sendable, Hashable {
    case machine(MachineMetrics)
    case batteryPack(PackMetrics)

    /// The device kind the metrics describe.
    public var kind: DeviceKind {
        switch self {
        case .machine: .machine
        case .batteryPack: .batteryPack
        }
    }
}

/// A power meter's measurements, in canonical units.
public struct MachineMetrics: Sendable, Hashable {
    /// Active power in kW (positive = consumed).
    public var activePowerKW: Double
    /// Reactive power in kvar.
    public var reactivePowerKVAR: Double?
    /// RMS voltage in V (line-to-line for three-phase meters).
    public var voltageV: Double?
    /// RMS current in A.
    public var currentA: Double?
    /// Power factor, 0...1.
    public var powerFactor: Double?
    /// The meter's cumulative energy counter in kWh.
    public var energyKWh: Double?

    /// Creates machine metrics.
    public init(
        activePowerKW: Double, reactivePowerKVAR: Double? = nil, voltageV: Double? = nil, currentA: Double? = nil,
        powerFactor: Double? = nil, energyKWh: Double? = nil
    ) {
        self.activePowerKW = activePowerKW
        self.reactivePowerKVAR = reactivePowerKVAR
        self.voltageV = voltageV
        self.currentA = currentA
        self.powerFactor = powerFactor
        self.energyKWh = energyKWh
    }
}

/// A battery pack's BMS measurements, in canonical units.
public struct PackMetrics: Sendable, Hashable {
    /// Pack terminal voltage in V.
    public var voltageV: Double
    /// Pack current in A: positive while charging, negative while discharging.
    public var currentA: Double
    /// Pack temperature in °C (the BMS's representative sensor).
    public var temperatureC: Double
    /// State of charge in percent, 0...100.
    public var stateOfChargePercent: Double?
    /// Lowest and highest cell voltage in V, when the BMS reports cells.
    public var cellVoltageMinV: Double?
    public var cellVoltageMaxV: Double?
    /// Lowest and highest cell temperature in °C, when the BMS reports them.
    public var cellTemperatureMinC: Double?
    public var cellTemperatureMaxC: Double?

    /// Creates pack metrics.
    public init(
        voltageV: Double, currentA: Double, temperatureC: Double, stateOfChargePercent: Double? = nil,
        cellVoltageMinV: Double? = nil, cellVoltageMaxV: Double? = nil, cellTemperatureMinC: Double? = nil,
        cellTemperatureMaxC: Double? = nil
    ) {
        self.voltageV = voltageV
        self.currentA = currentA
        self.temperatureC = temperatureC
        self.stateOfChargePercent = stateOfChargePercent
        self.cellVoltageMinV = cellVoltageMinV
        self.cellVoltageMaxV = cellVoltageMaxV
        self.cellTemperatureMinC = cellTemperatureMinC
        self.cellTemperatureMaxC = cellTemperatureMaxC
    }
}
