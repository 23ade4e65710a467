/// Why the gateway refused a request about a device.
public struct SimulationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong; a struct rather than an enum so that codes can be added.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case invalidDeviceID = "invalid_device_id"
            case duplicateDevice = "duplicate_device"
            case unknownDevice = "unknown_device"
            case unsupportedFault = "unsupported_fault"
        }

        private let value: Value

        private init(_ value: Value) { self.value = value }

        public var description: String { value.rawValue }

        /// The id breaks the rules of `DeviceID`.
        public static let invalidDeviceID = Code(.invalidDeviceID)
        /// A device with this id is already on the gateway.
        public static let duplicateDevice = Code(.duplicateDevice)
        /// No device with this id is on the gateway.
        public static let unknownDevice = Code(.unknownDevice)
        /// The fault does not apply to this kind of device (a machine cannot overcharge).
        public static let unsupportedFault = Code(.unsupportedFault)
    }

    /// What went wrong.
    public var code: Code
    /// The device concerned.
    public var deviceID: String

    /// Creates an error.
    public init(_ code: Code, deviceID: String) {
        self.code = code
        self.deviceID = deviceID
    }

    public var description: String { "\(code) (device '\(deviceID.prefix(128))')" }
}
