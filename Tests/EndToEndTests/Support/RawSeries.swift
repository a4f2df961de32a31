import Foundation

/// Every raw sample a Prometheus-API server holds for a selector, by series: the
/// `matrix` answer of `<selector>[<range>]`, for comparing two servers sample by sample.
struct RawSeries: Equatable, CustomStringConvertible {
    /// Series as `{a="1",b="2"}` with sorted names → `[(timestamp ms, value text)]`.
    var series: [String: [String]]

    var sampleCount: Int { series.values.reduce(0) { $0 + $1.count } }

    var description: String {
        series.keys.sorted().map { "\($0): \(series[$0]!.count) samples" }.joined(separator: "\n")
    }

    /// Queries `baseURL` (MeshScope or Prometheus) at `time` (seconds).
    static func fetch(_ baseURL: String, selector: String, range: String = "1h", time: Double,
                      dropping: Set<String> = []) async throws -> RawSeries {
        let query = "\(selector)[\(range)]"
        let result = try await HTTP.get(baseURL + "/api/v1/query?query=" + HTTP.encode(query) + "&time=\(time)")
        guard result.status == 200,
              let json = try JSONSerialization.jsonObject(with: Data(result.body)) as? [String: Any],
              let data = json["data"] as? [String: Any], let matrix = data["result"] as? [[String: Any]]
        else { throw E2EFailure("\(baseURL) answered \(result.status) to \(query): \(result.text)") }
        var series: [String: [String]] = [:]
        for entry in matrix {
            let metric = (entry["metric"] as? [String: String] ?? [:]).filter { !dropping.contains($0.key) }
            let key = "{" + metric.keys.sorted().map { "\($0)=\"\(metric[$0]!)\"" }.joined(separator: ",") + "}"
            let values = (entry["values"] as? [[Any]] ?? []).map { pair in
                // Timestamps in ms so float formatting of seconds cannot differ between servers.
                let seconds = (pair.first as? Double) ?? Double("\(pair.first ?? 0)") ?? 0
                return "\(Int64((seconds * 1000).rounded()))@\(pair.last as? String ?? "?")"
            }
            series[key] = values
        }
        return RawSeries(series: series)
    }
}
