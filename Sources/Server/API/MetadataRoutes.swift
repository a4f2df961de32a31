import Foundation
import Hummingbird
import MeshMetrics
import PromQL

/// `/api/v1/series`, `/api/v1/labels`, `/api/v1/label/NAME/values`,
/// `/api/v1/metadata` and `/api/v1/query_exemplars`: the index and metadata, no
/// sample decoding (exemplars aside). Absent `start`/`end` mean unbounded.
struct MetadataRoutes: Sendable {
    let api: APIContext

    func series(_ request: Request) async -> Response {
        await api.respond(request) { parameters, _ throws(APIError) in
            let texts = parameters.values("match[]")
            if texts.isEmpty { throw APIError(.badData, "no match[] parameter provided") }
            let limit = try parameters.limit()
            let (start, end) = try timeRange(parameters)
            let selectors = try Self.matcherSets(texts)
            let series = try APIContext.storage { try api.reader.series(matching: selectors, from: start, through: end) }
            let (kept, warnings) = Self.truncated(series, limit: limit)
            return APIEnvelope.success(request, .array(kept.map { .labels($0) }), warnings: warnings)
        }
    }

    func labelNames(_ request: Request) async -> Response {
        await api.respond(request) { parameters, _ throws(APIError) in
            let limit = try parameters.limit()
            let (start, end) = try timeRange(parameters)
            let selectors = try Self.matcherSets(parameters.values("match[]"))
            let names = try APIContext.storage { try api.reader.labelNames(matching: selectors, from: start, through: end) }
            let (kept, warnings) = Self.truncated(names, limit: limit)
            return APIEnvelope.success(request, .strings(kept), warnings: warnings)
        }
    }

    func labelValues(_ request: Request, name rawName: String) async -> Response {
        await api.respond(request) { parameters, _ throws(APIError) in
            let name = Self.unescapedLabelName(rawName.removingPercentEncoding ?? rawName)
            if name.isEmpty { throw APIError(.badData, "invalid label name: \"\(name)\"") }
            let limit = try parameters.limit()
            let (start, end) = try timeRange(parameters)
            let selectors = try Self.matcherSets(parameters.values("match[]"))
            let values = try APIContext.storage {
                try api.reader.labelValues(name, matching: selectors, from: start, through: end)
            }
            let (kept, warnings) = Self.truncated(values, limit: limit)
            return APIEnvelope.success(request, .strings(kept), warnings: warnings)
        }
    }

    /// `{"family":[{"type":...,"help":...,"unit":...}]}`; MeshScope keeps one entry per
    /// family. `limit` counts families (negative or absent: all), as Prometheus.
    func metadata(_ request: Request) async -> Response {
        await api.respond(request) { parameters, _ throws(APIError) in
            var limit = -1
            if let text = parameters.value("limit") {
                guard let value = Int(text) else { throw APIError(.badData, "limit must be a number") }
                limit = value
            }
            if let text = parameters.value("limit_per_metric"), Int(text) == nil {
                throw APIError(.badData, "limit_per_metric must be a number")
            }
            let metric = parameters.value("metric")
            let stored = try APIContext.storage { try api.reader.metadata() }
            var families: [(String, JSONValue)] = []
            for (family, metadata) in stored.sorted(by: { $0.key < $1.key }) where metric == nil || metric == family {
                if limit >= 0 && families.count >= limit { break }
                families.append((family, .array([.object([
                    ("type", .string(metadata.type.rawValue)),
                    ("help", .string(metadata.help)),
                    ("unit", .string(metadata.unit)),
                ])])))
            }
            return APIEnvelope.success(request, .object(families))
        }
    }

    /// `[{"seriesLabels":{...},"exemplars":[{"labels":{...},"value":"6","timestamp":t}]}]`
    /// for every selector in `query`.
    func exemplars(_ request: Request) async -> Response {
        await api.respond(request) { parameters, _ throws(APIError) in
            let (start, end) = try timeRange(parameters)
            if end < start { throw APIError(.badData, "end timestamp must not be before start timestamp") }
            let expr: Expr
            do {
                expr = try PromQLParser.parse(parameters.value("query") ?? "")
            } catch {
                throw APIError(.badData, String(describing: error))
            }
            let selectors = Self.selectors(in: expr)
            // No data at all, which Prometheus' API wrapper answers 204 No Content.
            if selectors.isEmpty { return Response(status: .noContent) }
            var seen = Set<Labels>()
            var out: [JSONValue] = []
            for matchers in selectors {
                let found = try APIContext.storage { try api.reader.exemplars(matchers, from: start, through: end) }
                for entry in found where seen.insert(entry.labels).inserted {
                    out.append(.object([
                        ("seriesLabels", .labels(entry.labels)),
                        ("exemplars", .array(entry.exemplars.map { exemplar in
                            .object([
                                ("labels", .labels(exemplar.labels)),
                                ("value", .sampleValue(exemplar.value)),
                                ("timestamp", .timestamp(exemplar.timestamp ?? 0)),
                            ])
                        })),
                    ]))
                }
            }
            return APIEnvelope.success(request, .array(out))
        }
    }

    private func timeRange(_ parameters: APIParameters) throws(APIError) -> (Int64, Int64) {
        (try parameters.time("start", default: .min), try parameters.time("end", default: .max))
    }

    /// Each `match[]` must be a plain series selector, as Prometheus'
    /// `parser.ParseMetricSelector` demands.
    static func matcherSets(_ texts: [String]) throws(APIError) -> [[LabelMatcher]] {
        var sets: [[LabelMatcher]] = []
        for text in texts {
            let expr: Expr
            do {
                expr = try PromQLParser.parse(text)
            } catch {
                throw APIError.invalidParameter("match[]", String(describing: error))
            }
            guard case .vectorSelector(let selector) = expr, selector.offset == 0, selector.at == nil else {
                throw APIError.invalidParameter("match[]", "1:1: parse error: \"\(text)\" is not a series selector")
            }
            sets.append(selector.matchers)
        }
        return sets
    }

    /// The matchers of every vector selector in an expression, in source order.
    static func selectors(in expr: Expr) -> [[LabelMatcher]] {
        if case .vectorSelector(let selector) = expr { return [selector.matchers] }
        return expr.children.flatMap { selectors(in: $0) }
    }

    /// Prometheus 3's `U__` escaping of UTF-8 label names in URL paths: `_2e_` is
    /// U+002E, `__` is `_`. Anything malformed is taken literally, as Prometheus does.
    static func unescapedLabelName(_ name: String) -> String {
        guard name.hasPrefix("U__") else { return name }
        var out = ""
        var rest = Substring(name.dropFirst(3))
        while let underscore = rest.firstIndex(of: "_") {
            out += rest[..<underscore]
            rest = rest[rest.index(after: underscore)...]
            if rest.first == "_" {
                out += "_"
                rest = rest.dropFirst()
                continue
            }
            guard let end = rest.firstIndex(of: "_"), let code = UInt32(rest[..<end], radix: 16),
                  let scalar = Unicode.Scalar(code) else { return name }
            out.unicodeScalars.append(scalar)
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }

    /// Prometheus' `limit` on series, names and values: a warning when results were cut.
    static func truncated<T>(_ values: [T], limit: Int) -> ([T], warnings: [String]) {
        guard limit > 0, values.count > limit else { return (values, []) }
        return (Array(values.prefix(limit)), [QueryResultJSON.truncatedWarning])
    }
}
