import Config
import Foundation
import Hummingbird
import Scrape

/// `/api/v1/status/buildinfo`, `/api/v1/status/config` and `/api/v1/targets`, in the
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

    /// Active targets with their last scrape. MeshScope has no relabelling, so nothing
    /// is ever dropped. `state` (active, dropped, any) and `scrapePool` filter.
    func targets(_ request: Request) async -> Response {
        let parameters = APIParameters(query: request.uri.query ?? "")
        let state = parameters.value("state")?.lowercased() ?? ""
        let pool = parameters.value("scrapePool")
        let showActive = state.isEmpty || state == "any" || state == "active"
        var active: [JSONValue] = []
        var pools: [String] = []
        for health in await api.server.scrapes?.board.all() ?? [] {
            if !pools.contains(health.target.job) { pools.append(health.target.job) }
            guard showActive, pool == nil || pool == health.target.job else { continue }
            active.append(Self.json(health))
        }
        return APIEnvelope.success(request, .object([
            ("activeTargets", .array(active)),
            ("droppedTargets", .array([])),
            ("droppedTargetCounts", .object(pools.map { ($0, .integer(0)) })),
        ]))
    }

    static func json(_ health: TargetHealth) -> JSONValue {
        let target = health.target
        var discovered: [String: String] = [
            "__address__": target.address, "__metrics_path__": target.metricsPath, "__scheme__": target.scheme,
            "__scrape_interval__": duration(target.intervalMilliseconds),
            "__scrape_timeout__": duration(target.timeoutMilliseconds), "job": target.job,
        ]
        for label in target.labels.pairs where label.name != "instance" && label.name != "job" {
            discovered[label.name] = label.value
        }
        return .object([
            ("discoveredLabels", .labels(.init(discovered))),
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
