import Foundation
import VoltlineSimulation

/// A command to start or stop a fault on one device, as sent on `voltline/v1/commands/{gateway}` and to
/// `POST /sim/faults`: `{"type":"fault","device":"pack-byd-blade-01","fault":"overheat","action":"start"}`.
struct FaultCommand: Sendable, Hashable {
    /// Whether the fault starts or stops.
    enum Action: String, Sendable, Hashable, Codable {
        case start, stop
    }

    var deviceID: String
    var fault: FaultKind
    var action: Action

    /// Creates a command.
    init(deviceID: String, fault: FaultKind, action: Action) {
        self.deviceID = deviceID
        self.fault = fault
        self.action = action
    }

    /// The command's JSON shape.
    struct Body: Sendable, Codable {
        var type: String?
        var device: String?
        var fault: String?
        var action: String?
    }

    /// Decodes a JSON payload.
    /// - Throws: ``CommandError`` saying what is wrong with it.
    init(json payload: [UInt8]) throws(CommandError) {
        let body: Body
        do {
            body = try JSONDecoder().decode(Body.self, from: Data(payload))
        } catch {
            throw CommandError("the command is not a JSON object with string fields")
        }
        try self.init(body)
    }

    /// Checks a decoded body.
    /// - Throws: ``CommandError`` naming the missing or unknown field.
    init(_ body: Body) throws(CommandError) {
        guard body.type == "fault" else { throw CommandError("`type` must be \"fault\"") }
        guard let device = body.device, !device.isEmpty else { throw CommandError("`device` is missing") }
        guard let name = body.fault, let fault = FaultKind(contractName: name) else {
            let names = FaultKind.allCases.map(\.contractName).joined(separator: ", ")
            throw CommandError("`fault` must be one of \(names)")
        }
        guard let action = body.action.flatMap(Action.init(rawValue:)) else {
            throw CommandError("`action` must be \"start\" or \"stop\"")
        }
        deviceID = device
        self.fault = fault
        self.action = action
    }
}

/// A command was refused; the description says why and is safe to return to the sender.
struct CommandError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
