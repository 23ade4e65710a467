/// What the tests read back from JSON responses (snake_case keys decoded to camelCase).
struct PageShape<Item: Decodable>: Decodable {
    var items: [Item]
    var nextFrom: Int64?
    var nextAfter: String?
    var nextBeforeId: Int64?
}

struct DeviceShape: Decodable {
    var deviceId: String
    var kind: String
    var site: String
}

struct ReadingShape: Decodable {
    var deviceId: String
    var ts: Int64
    var activePowerKw: Double?
}

struct DeviceDetailShape: Decodable {
    var device: DeviceShape
    var latestReading: ReadingShape?
}

struct AlertShape: Decodable {
    struct Event: Decodable {
        var event: String
        var actor: String
        var note: String?
    }

    var id: Int64
    var state: String
    var acknowledgedBy: String?
    var events: [Event]?
}

struct CostShape: Decodable {
    struct Group: Decodable {
        var key: String?
        var energyKwh: Double
        var cost: Double
    }

    var groupBy: String
    var groups: [Group]
}

struct StatusShape: Decodable {
    struct Database: Decodable { var reachable: Bool }
    var database: Database
    var devices: Int?
    var openAlerts: [String: Int]?
}
