import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One query sent to a Prometheus-compatible HTTP API, timed from the client.
enum PromQLHTTPQuery {
    /// A query result reduced to what answers are compared on: series labels → points.
    typealias Answer = [String: [(time: Double, value: Double)]]

    static func run(baseURL: String, query: String, instantAt time: Double?, range: (start: Double, end: Double, step: Double)?)
        async throws -> (seconds: Double, answer: Answer) {
        var components = URLComponents(string: baseURL + (range == nil ? "/api/v1/query" : "/api/v1/query_range"))!
        var items = [URLQueryItem(name: "query", value: query)]
        if let time { items.append(URLQueryItem(name: "time", value: String(time))) }
        if let range {
            items += [URLQueryItem(name: "start", value: String(range.start)), URLQueryItem(name: "end", value: String(range.end)),
                      URLQueryItem(name: "step", value: String(range.step))]
        }
        components.queryItems = items
        var request = URLRequest(url: components.url!)
        request.timeoutInterval = 120
        let clock = ContinuousClock()
        var payload = Data()
        var status = 0
        let elapsed = try await clock.measure {
            let (data, response) = try await URLSession.shared.data(for: request)
            payload = data
            status = (response as? HTTPURLResponse)?.statusCode ?? 0
        }
        guard status == 200 else {
            throw CommandFailure("\(baseURL) answered \(status) to \(query): \(String(decoding: payload.prefix(300), as: UTF8.self))")
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (seconds, try parse(payload))
    }

    static func parse(_ payload: Data) throws -> Answer {
        guard let object = try JSONSerialization.jsonObject(with: payload) as? [String: Any],
              let data = object["data"] as? [String: Any], let result = data["result"] as? [[String: Any]] else {
            throw CommandFailure("unexpected response: \(String(decoding: payload.prefix(300), as: UTF8.self))")
        }
        var answer: Answer = [:]
        for series in result {
            let labels = (series["metric"] as? [String: String] ?? [:]).sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            let points = (series["values"] as? [[Any]]) ?? ((series["value"] as? [Any]).map { [$0] } ?? [])
            answer[labels] = points.compactMap { point in
                guard point.count == 2, let time = (point[0] as? NSNumber)?.doubleValue,
                      let text = point[1] as? String else { return nil }
                return (time, Double(text) ?? .nan)
            }
        }
        return answer
    }

    /// Nil when the answers agree (same series, same timestamps, values within a relative
    /// tolerance, NaN equal to NaN); otherwise the first difference.
    static func difference(_ lhs: Answer, _ rhs: Answer, tolerance: Double = 1e-6) -> String? {
        guard Set(lhs.keys) == Set(rhs.keys) else {
            return "series differ: \(Set(lhs.keys).symmetricDifference(rhs.keys).sorted().prefix(3))"
        }
        for (labels, points) in lhs {
            let other = rhs[labels]!
            guard points.count == other.count else { return "\(labels): \(points.count) vs \(other.count) points" }
            for (a, b) in zip(points, other) {
                guard a.time == b.time else { return "\(labels): time \(a.time) vs \(b.time)" }
                if a.value.isNaN && b.value.isNaN { continue }
                let scale = max(abs(a.value), abs(b.value))
                guard a.value == b.value || abs(a.value - b.value) <= tolerance * scale else {
                    return "\(labels) at \(a.time): \(a.value) vs \(b.value)"
                }
            }
        }
        return nil
    }
}
