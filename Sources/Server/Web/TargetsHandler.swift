import Hummingbird
import Scrape
import WebUI

/// `/targets`: the scrape manager's board (what `/api/v1/targets` reports) as tables by job.
struct TargetsHandler: Sendable {
    let site: WebSite
    let scrapes: ScrapeManager?

    func page(_ request: Request) async throws -> Response {
        let parameters = WebParameters(request)
        let refresh = try parameters.refreshSeconds()
        let targets = await scrapes?.board.all() ?? []
        let discoveredByID = await scrapes?.board.discoveredLabels() ?? [:]
        var infos: [TargetInfo] = []
        for health in targets {
            var info = TargetInfo(job: health.target.job, url: health.target.url, health: health.state.rawValue,
                                  labels: health.target.labels.pairs.map { KeyValue($0.name, $0.value) },
                                  lastScrape: health.lastScrape, durationSeconds: health.lastDurationSeconds,
                                  lastError: health.lastError, intervalMillis: health.target.intervalMilliseconds,
                                  timeoutMillis: health.target.timeoutMilliseconds)
            info.discoveredLabels = discoveredByID[health.target.id]?.pairs.map { KeyValue($0.name, $0.value) } ?? []
            infos.append(info)
        }
        let chrome = site.chrome(title: "Targets", section: .targets,
                                 refresh: RefreshState(seconds: refresh, path: "/targets", parameters: parameters.pairs))
        let dropped = await scrapes?.board.droppedTargets().counts ?? [:]
        return WebResponse.html(site.render(TargetsPage(chrome: chrome, targets: infos, droppedCounts: dropped,
                                                        now: WebParameters.nowMilliseconds)))
    }
}
