import Hummingbird

/// `GET /api/v1/devices/{id}`: the registry record and the device's latest stored reading.
struct DeviceDetailJSON: ResponseEncodable {
    var device: DeviceJSON
    var latestReading: ReadingJSON?
}
