import MeshMetrics
import Storage

extension SelfMetrics {
    /// Auth refusals, rate-limited requests, series-limit rejections and TLS reloads.
    func renderSecurity(_ writer: inout ExpositionWriter) async {
        let counters = security?.counters ?? SecurityCounters()
        var failures: [([String: String], Double)] = []
        for routeClass in [RouteClass.ingest, .query] {
            for reason in [AuthDecision.missing, .invalid, .forbidden].map(\.reason) {
                let key = AuthFailureKey(routeClass: routeClass.rawValue, reason: reason)
                failures.append((["route_class": routeClass.rawValue, "reason": reason], Double(counters.authFailures[key] ?? 0)))
            }
        }
        counter(&writer, "meshscope_http_auth_failures_total",
                "Requests refused for a missing or invalid bearer token (401) or one of the other route class (403).", failures)
        counter(&writer, "meshscope_http_rate_limited_total", "Requests refused with 429 by the per-client ingest rate limit.",
                [(["route_class": RouteClass.ingest.rawValue], Double(counters.rateLimited[RouteClass.ingest.rawValue] ?? 0))])
        counter(&writer, "meshscope_series_limit_rejections_total",
                "Appends (scrapes) refused whole because they would exceed a series limit.",
                [(["limit": "max_series_per_metric"], Double(await store.seriesLimitRejections))])
        if let tls = security?.tls {
            counter(&writer, "meshscope_tls_certificate_reloads_total", "Times the listeners' TLS files were reloaded after a change.",
                    [([:], Double(tls.reloadCount))])
        }
    }
}
