import Config
import Foundation
import Hummingbird
import MeshMetrics
import Scrape
import Storage

/// `/api/v1/status/buildinfo`, `/api/v1/status/config`, `/api/v1/status/tsdb` and `/api/v1/targets`, in the
/// shapes Prometheus answers them.
struct StatusRoutes: Sendable {
    /// How Prometheus' `getGlobalURL` recognises a target on the local host.
    static let localhostNames: Set<String> = ["127.0.0.1", "localhost", "::1", "[::1]"]

    let api: APIContext

    func buildInfo(_ request: Request) -> Response {
        APIEnvelope.success(request, .object([
            ("version", .string(api.server.version)),
            ("revision", .string("")),
            ("branch", .string("")),
            ("buildUser", .string("")),
            ("buildDate", .string("")),
            ("goVersion", .string("")),
        ]))
    }

    /// The effective configuration, every default spelled out.
    func config(_ request: Request) async -> Response {
        APIEnvelope.success(request, .object([("yaml", .string(await api.config().yamlDescription))]))
    }

    /// Prometheus' TSDB status: head statistics and the top `limit` (default 10) metric
    /// names, label names and label pairs by series, from the store's postings. An empty
    /// store reports Prometheus' sentinels (`minTime` Int64.max, `maxTime` Int64.min).
    func tsdb(_ request: Request) async -> Response {
        let parameters = APIParameters(query: request.uri.query ?? "")
        var limit = 10
        if let text = parameters.value("limit") {
            guard let value = Int(text), value > 0 else {
                return APIEnvelope.error(request, APIError(.badData, "limit must be a positive number"))
            }
            limit = value
        }
        let stats = await api.server.store.statistics()
        let cardinality: StoreCardinality
        do {
            cardinality = try api.reader.cardinality(limit: limit)
        } catch {
            return APIEnvelope.error(request, APIError(.internal, "\(error)"))
        }
        func entries(_ list: [StoreCardinality.Entry]) -> JSONValue {
            .array(list.map { .object([("name", .string($0.name)), ("value", .integer($0.value))]) })
        }
        return APIEnvelope.success(request, .object([
            ("headStats", .object([
                ("numSeries", .integer(cardinality.seriesCount)),
                ("numLabelPairs", .integer(cardinality.labelPairCount)),
                ("chunkCount", .integer(stats.chunks)),
                ("minTime", .integer(Int(cardinality.minTime ?? Int64.max))),
                ("maxTime", .integer(Int(cardinality.maxTime ?? Int64.min))),
            ])),
            ("seriesCountByMetricName", entries(cardinality.seriesCountByMetricName)),
            ("labelValueCountByLabelName", entries(cardinality.labelValueCountByLabelName)),
            ("memoryInBytesByLabelName", entries(cardinality.memoryInBytesByLabelName)),
            ("seriesCountByLabelValuePair", entries(cardinality.seriesCountByLabelValuePair)),
        ]))
    }

    /// Active targets with their last scrape, and the targets `relabel_configs` dropped, with
    /// the labels each was discovered with. `state` (active, dropped, any) and `scrapePool` filter.
    func targets(_ request: Request) async -> Response {
        let parameters = APIParameters(query: request.uri.query ?? "")
        let state = parameters.value("state")?.lowercased() ?? ""
        let pool = parameters.value("scrapePool")
        let showActive = state.isEmpty || state == "any" || state == "active"
        let showDropped = state.isEmpty || state == "any" || state == "dropped"
        guard let board = api.server.scrapes?.board else {
            return APIEnvelope.success(request, .object([
                ("activeTargets", .array([])), ("droppedTargets", .array([])), ("droppedTargetCounts", .object([])),
            ]))
        }
        let discovered = await board.discoveredLabels()
        var active: [JSONValue] = []
        for health in await board.all() where showActive && (pool == nil || pool == health.target.job) {
            active.append(Self.json(health, discovered: discovered[health.target.id]))
        }
        let (kept, counts) = await board.droppedTargets()
        let dropped: [JSONValue] = showDropped ? kept.filter { pool == nil || pool == $0.job }.map { target in
            .object([("discoveredLabels", .labels(target.discoveredLabels)), ("scrapePool", .string(target.job))])
        } : []
        return APIEnvelope.success(request, .object([
            ("activeTargets", .array(active)),
            ("droppedTargets", .array(dropped)),
            ("droppedTargetCounts", .object(counts.sorted { $0.key < $1.key }.map { ($0.key, .integer($0.value)) })),
        ]))
    }

    /// `discovered` is what relabelling saw; without it (a target applied directly) the
    /// labels are rebuilt from the target's settings.
    static func json(_ health: TargetHealth, discovered: Labels?) -> JSONValue {
        let target = health.target
        let discoveredLabels = discovered ?? rebuiltDiscoveredLabels(target)
        return .object([
            ("discoveredLabels", .labels(discoveredLabels)),
            ("labels", .labels(target.labels)),
            ("scrapePool", .string(target.job)),
            ("scrapeUrl", .string(target.url)),
            ("globalUrl", .string(globalURL(target))),
            ("lastError", .string(health.lastError)),
            ("lastScrape", .string(health.lastScrape.map(RFC3339.format) ?? RFC3339.zeroTime)),
            ("lastScrapeDuration", .number(health.lastDurationSeconds)),
            ("health", .string(health.state.rawValue)),
            ("scrapeInterval", .string(duration(target.intervalMilliseconds))),
            ("scrapeTimeout", .string(duration(target.timeoutMilliseconds))),
        ])
    }

    private static func rebuiltDiscoveredLabels(_ target: ScrapeTarget) -> Labels {
        var discovered: [String: String] = [
            "__address__": target.address, "__metrics_path__": target.metricsPath, "__scheme__": target.scheme,
            "__scrape_interval__": duration(target.intervalMilliseconds),
            "__scrape_timeout__": duration(target.timeoutMilliseconds), "job": target.job,
        ]
        for label in target.labels.pairs where label.name != "instance" && label.name != "job" {
            discovered[label.name] = label.value
        }
        return Labels(discovered)
    }

    /// The scrape URL as seen from elsewhere: a loopback host becomes this host's name.
    static func globalURL(_ target: ScrapeTarget) -> String {
        guard let colon = target.address.lastIndex(of: ":"),
              localhostNames.contains(String(target.address[..<colon])) else { return target.url }
        var global = target
        global.address = ProcessInfo.processInfo.hostName + target.address[colon...]
        return global.url
    }

    /// Prometheus' duration rendering (`15s`, `1m30s`).
    static func duration(_ milliseconds: Int64) -> String {
        PromDuration(milliseconds: max(0, milliseconds)).description
    }
}

/// MeshScope's own status endpoints beside Prometheus' API: the slow-query log and
/// the running queries, which `DELETE` cancels.
struct GuardRailRoutes: Sendable {
    let api: APIContext

    /// `GET /api/v1/status/slow_queries`: newest first, with each query's cost.
    func slowQueries(_ request: Request) -> Response {
        APIEnvelope.success(request, .array(api.slowLog.all.map(\.json)))
    }

    /// `GET /api/v1/status/running_queries`: `[{"id","query","type","params","started","elapsed"}]`.
    func runningQueries(_ request: Request) -> Response {
        APIEnvelope.success(request, .array(api.running.all.map { running in
            .object([
                ("id", .string(String(running.id))),
                ("query", .string(running.query)),
                ("type", .string(running.kind)),
                ("params", .object(running.parameters.map { ($0.0, .string($0.1)) })),
                ("started", .string(RFC3339.format(running.startedAt))),
                ("elapsed", .number(running.elapsedSeconds)),
                ("state", .string(running.isQueued ? "queued" : "running")),
            ])
        }))
    }

    /// `DELETE /api/v1/status/running_queries/ID` (or `?id=ID`): the query stops at its
    /// next check and its own request is answered `canceled`.
    func cancel(_ request: Request, pathID: String?) -> Response {
        let text = pathID ?? APIParameters(query: request.uri.query ?? "").value("id")
        guard let text else { return APIEnvelope.error(request, APIError(.badData, "no query id provided")) }
        guard let id = Int(text) else {
            return APIEnvelope.error(request, APIError.invalidParameter("id", "\"\(text)\" is not a query id"))
        }
        guard api.running.cancel(id: id) else {
            return APIEnvelope.error(request, APIError(.notFound, "no running query with id \(id)"))
        }
        api.logger.notice("query cancelled", metadata: ["id": "\(id)"])
        return APIEnvelope.success(request, .object([("id", .string(String(id))), ("canceled", .bool(true))]))
    }
}
