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
        let selectors = request.uri.queryParameters.getAll("match[]")
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

    /// External labels are added where the series lacks them, as Prometheus federates.
    private func withExternalLabels(_ labels: Labels) -> Labels {
        var result = labels
        for label in externalLabels.pairs where labels[label.name] == nil {
            result = result.setting(label.name, label.value)
        }
        return result
    }
}
