/// `/targets`: the scrape targets grouped by job, with health, labels, last scrape,
/// duration and last error.
public struct TargetsPage: WebPage {
    public static let template = "targets"

    public var chrome: PageChrome
    public var pools: [TargetPool]
    public var hasPools: Bool
    public var targetCount: Int
    public var downCount: Int
    public var apiHref: String

    /// `droppedCounts`: per job, the targets `relabel_configs` dropped; a job whose every
    /// target was dropped still gets its section, so the drop is visible.
    public init(chrome: PageChrome, targets: [TargetInfo], droppedCounts: [String: Int] = [:], now: Int64) {
        self.chrome = chrome
        var byJob: [String: [TargetInfo]] = [:]
        for target in targets { byJob[target.job, default: []].append(target) }
        let jobs = Set(byJob.keys).union(droppedCounts.filter { $0.value > 0 }.keys)
        pools = jobs.sorted().enumerated().map { number, job in
            let members = (byJob[job] ?? []).sorted { $0.url < $1.url }
            let up = members.filter { $0.health == "up" }.count
            let healthClass = members.isEmpty ? "health-unknown"
                : up == members.count ? "health-up" : up == 0 ? "health-down" : "health-partial"
            return TargetPool(job: job, anchor: "pool-\(number + 1)", upCount: up, total: members.count,
                              healthClass: healthClass, targets: members.map { TargetRow($0, now: now) },
                              droppedCount: droppedCounts[job] ?? 0)
        }
        hasPools = !pools.isEmpty
        targetCount = targets.count
        downCount = targets.filter { $0.health == "down" }.count
        apiHref = "/api/v1/targets"
    }
}
