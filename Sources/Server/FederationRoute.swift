import Foundation
import Hummingbird
import MeshMetrics
import Storage

/// `GET /federate?match[]=SELECTOR`: the newest sample of every matching series within
/// Prometheus' 5-minute lookback, stale series left out, as text format 0.0.4.
struct FederationRoute {
    static let lookbackMilliseconds: Int64 = 5 * 60 * 1000

    let reader: MetricsReader
    let externalLabels: Labels

    func respond(_ request: Request, now: Int64) throws -> Response {
        let selectors = Self.formValues(of: "match[]", in: request.uri.query ?? "")
        guard !selectors.isEmpty else {
            return PlainError.response(.badRequest, "bad_data: at least one match[] parameter is required")
        }
        var parsed: [SeriesSelector] = []
        for text in selectors {
            do {
                parsed.append(try SeriesSelector(parsing: text))
            } catch {
                return PlainError.response(.badRequest, "bad_data: \(error)")
            }
        }
        var seen = Set<Labels>()
        var samples: [(labels: Labels, sample: Sample)] = []
        for selector in parsed {
            for entry in try reader.latest(selector.matchers, at: now, lookback: Self.lookbackMilliseconds)
            where seen.insert(entry.labels).inserted {
                samples.append((withExternalLabels(entry.labels), entry.sample))
            }
        }
        let metadata = try reader.metadata()
        var writer = ExpositionWriter()
        for family in FederationFamilies.group(samples, metadata: metadata) {
            writer.family(name: family.name, metadata: family.metadata)
            for entry in family.samples {
                writer.sample(labels: entry.labels, value: entry.sample.value, timestamp: entry.sample.timestamp)
            }
        }
        return ResponseEncoding.exposition(writer.bytes, contentType: ExpositionFormat.prometheusText.contentType, request: request)
    }

    /// The values of `name` in a form-encoded query, keys decoded too: Prometheus (Go's
    /// `url.Values.Encode`) sends `match%5B%5D=...` with spaces as `+`, and Hummingbird's
    /// `queryParameters` decodes neither the key nor `+`.
    static func formValues(of name: String, in query: String) -> [String] {
        func decode(_ part: Substring) -> String {
            let spaced = part.replacingOccurrences(of: "+", with: " ")
            return spaced.removingPercentEncoding ?? spaced
        }
        return query.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard decode(parts[0]) == name else { return nil }
            return parts.count > 1 ? decode(parts[1]) : ""
        }
    }

    /// External labels are added where the series lacks them, as Prometheus federates.
    private func withExternalLabels(_ labels: Labels) -> Labels {
        var result = labels
        for label in externalLabels.pairs where labels[label.name] == nil {
            result = result.setting(label.name, label.value)
        }
        return result
    }
}
