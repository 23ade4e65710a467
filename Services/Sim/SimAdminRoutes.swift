import Hummingbird
import VoltlineSimulation

/// The simulator's admin endpoints, served next to the ops endpoints:
/// `POST /sim/faults` takes a fault command (the MQTT command JSON) and `GET /sim/devices` lists the
/// devices with their profiles and active faults.
enum SimAdminRoutes {
    /// One device as `GET /sim/devices` lists it.
    struct DeviceStatus: ResponseEncodable, Equatable, Decodable {
        var device: String
        var kind: String
        var site: String
        var line: String?
        var model: String
        var chemistry: String?
        var capacityAh: Double?
        var cellsSeries: Int?
        var cellsParallel: Int?
        var ratedPowerKW: Double?
        var activeFaults: [String]

        enum CodingKeys: String, CodingKey {
            case device, kind, site, line, model, chemistry
            case capacityAh = "capacity_ah"
            case cellsSeries = "cells_series"
            case cellsParallel = "cells_parallel"
            case ratedPowerKW = "rated_power_kw"
            case activeFaults = "active_faults"
        }

        init(_ profile: DeviceProfile, activeFaults: [FaultKind]) {
            device = profile.id
            kind = profile.kind.rawValue
            site = profile.site
            line = profile.line
            model = profile.model
            chemistry = profile.chemistry?.rawValue
            capacityAh = profile.capacityAh
            cellsSeries = profile.cellsInSeries
            cellsParallel = profile.cellsInParallel
            ratedPowerKW = profile.ratedPowerKW
            self.activeFaults = activeFaults.map(\.contractName)
        }
    }

    /// The `GET /sim/devices` body.
    struct DeviceList: ResponseEncodable, Decodable {
        var devices: [DeviceStatus]
    }

    /// Adds the routes to `router`.
    static func add(to router: Router<some RequestContext>, controller: GatewayController, commands: FaultCommandHandler) {
        router.get("sim/devices") { _, _ in
            DeviceList(devices: controller.statuses().map { DeviceStatus($0.profile, activeFaults: $0.activeFaults) })
        }
        router.post("sim/faults") { request, context -> Response in
            let buffer = try await request.body.collect(upTo: 64 * 1024)
            let command: FaultCommand
            do throws(CommandError) {
                command = try FaultCommand(json: Array(buffer: buffer))
            } catch {
                commands.reject(error, source: "http")
                throw HTTPError(.badRequest, message: error.description)
            }
            do throws(CommandError) {
                try commands.apply(command, source: "http")
            } catch {
                throw HTTPError(.badRequest, message: error.description)
            }
            return Response(status: .noContent)
        }
    }
}
