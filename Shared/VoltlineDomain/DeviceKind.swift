/// The two kinds of device that report to Voltline.
public enum DeviceKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A machine behind a power meter.
    case machine
    /// A lithium-ion battery pack with a battery management system (BMS).
    case batteryPack = "battery_pack"
}
