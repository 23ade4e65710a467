import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Reads the Prometheus text exposition of the services' `/metrics` endpoints and sums series by name.
struct MetricsScraper: Sendable {
    /// Service name → base URL (`http://127.0.0.1:8081`).
    let endpoints: [String: String]

    /// Every metric of every service, as `service → metric name → value` (labelled series of one name summed).
    func scrape() async -> [String: [String: Double]] {
        await withTaskGroup(of: (String, [String: Double]).self) { group in
            for (service, base) in endpoints {
                group.addTask { (service, await Self.fetch("\(base)/metrics")) }
            }
            var all: [String: [String: Double]] = [:]
            for await (service, values) in group { all[service] = values }
            return all
        }
    }

    private static func fetch(_ url: String) async -> [String: Double] {
        guard let address = URL(string: url), let (data, _) = try? await URLSession.shared.data(from: address) else {
            return [:]
        }
        var values: [String: Double] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                continue
            }
            let series = line[..<space]
            let name = series.firstIndex(of: "{").map { String(series[..<$0]) } ?? String(series)
            values[name, default: 0] += value
        }
        return values
    }
}
