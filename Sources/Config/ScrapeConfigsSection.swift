import Yams

/// The `scrape_configs` list as a section: it owns what concerns jobs together
/// (unique names) and leaves each job to `ScrapeConfig`.
struct ScrapeConfigsSection: ConfigSection {
    static let key = "scrape_configs"

    var jobs: [ScrapeConfig] = []

    static func decode(_ node: ConfigNode, in config: MeshScopeConfig) throws(ConfigError) -> ScrapeConfigsSection {
        var section = ScrapeConfigsSection()
        // Name → line of its first use, to say where the clash is.
        var seen: [String: (path: String, line: Int)] = [:]
        for element in try node.list() {
            let job = try ScrapeConfig.decode(element, global: config.global)
            let nameNode = try ConfigMapping(element)["job_name"] ?? element
            if let first = seen[job.jobName] {
                throw nameNode.error("job name \"\(job.jobName)\" is already used by \(first.path) (line \(first.line))")
            }
            seen[job.jobName] = (element.path, nameNode.errorMark?.line ?? 0)
            section.jobs.append(job)
        }
        return section
    }

    var yamlNode: Node {
        .list(jobs.map(\.yamlNode))
    }
}

extension MeshScopeConfig {
    /// The `scrape_configs` list, with intervals and timeouts already resolved
    /// against `global`.
    public var scrapeConfigs: [ScrapeConfig] {
        get { self[section: ScrapeConfigsSection.self].jobs }
        set { self[section: ScrapeConfigsSection.self].jobs = newValue }
    }
}
