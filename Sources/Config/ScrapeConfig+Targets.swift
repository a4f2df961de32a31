import MeshMetrics

extension ScrapeConfig {
    /// Every static target of the job after `relabel_configs`, in file order; targets a
    /// rule dropped, or left without an address, are gone.
    ///
    /// `labels` are the target labels without the `__` ones, plus `__scheme__`,
    /// `__metrics_path__` and `__param_*` when relabelling changed them: those reach
    /// `ScrapeTarget`, which applies and strips them (Prometheus carries them the same way).
    /// Without relabel rules this is exactly the static targets and their group labels.
    public var targets: [(target: String, labels: Labels)] {
        if relabelConfigs.isEmpty {
            return staticConfigs.flatMap { group in group.targets.map { (target: $0, labels: group.labels) } }
        }
        return relabelledTargets.map(entry)
    }

    /// Discovered targets (each a label set with `__address__` and `__meta_*` labels, as
    /// service discovery hands them over) through the same path as static ones: the meta
    /// labels are visible to `relabel_configs` and gone afterwards.
    public func targets(discovered: [Labels]) -> [(target: String, labels: Labels)] {
        discovered.compactMap(resolve).map(entry)
    }

    /// The static targets, then the discovered ones, each with the labels relabelling saw
    /// and its outcome, for `/api/v1/targets` (`discoveredLabels`, `droppedTargets`).
    public func candidates(discovered: [Labels]) -> [(candidate: TargetCandidate, entry: (target: String, labels: Labels)?)] {
        (staticLabelSets + discovered).map { labels in
            let populated = populated(labels)
            let resolved = relabelled(populated)
            return (TargetCandidate(discoveredLabels: populated, resolved: resolved), resolved.map(entry))
        }
    }

    /// Prometheus' `PopulateLabels`: the discovered labels (`__address__`, group labels,
    /// then `job`, `__scheme__`, `__metrics_path__`, `__scrape_interval__`,
    /// `__scrape_timeout__`, `__param_<name>` where not already set), `relabel_configs`, `instance` defaulting to `__address__`, `__` labels removed.
    public var relabelledTargets: [ResolvedTarget] {
        staticLabelSets.compactMap(resolve)
    }

    /// One discovered label set resolved as `relabelledTargets` resolves static ones.
    public func resolve(_ discovered: Labels) -> ResolvedTarget? {
        relabelled(populated(discovered))
    }

    /// Each static target as the label set discovery would hand over.
    private var staticLabelSets: [Labels] {
        staticConfigs.flatMap { group in
            group.targets.map { address in Labels([Label("__address__", address)] + group.labels.pairs) }
        }
    }

    /// The discovered labels plus the job's defaults where not already set.
    private func populated(_ discovered: Labels) -> Labels {
        var pairs = discovered.pairs
        var defaults = [Label("job", jobName), Label("__scheme__", scheme.rawValue), Label("__metrics_path__", metricsPath),
                        Label("__scrape_interval__", scrapeInterval.description),
                        Label("__scrape_timeout__", scrapeTimeout.description)]
        for (name, values) in params.sorted(by: { $0.key < $1.key }) {
            if let first = values.first { defaults.append(Label("__param_" + name, first)) }
        }
        for label in defaults where !pairs.contains(where: { $0.name == label.name }) { pairs.append(label) }
        return Labels(pairs)
    }

    private func relabelled(_ populated: Labels) -> ResolvedTarget? {
        guard let labels = Relabeler.process(populated, relabelConfigs),
              let finalAddress = labels["__address__"] else { return nil }
        var resolved = ResolvedTarget(address: finalAddress, scheme: labels["__scheme__"] ?? scheme.rawValue,
                                      metricsPath: labels["__metrics_path__"] ?? metricsPath, params: params,
                                      labels: Labels([]))
        var kept: [Label] = []
        for pair in labels.pairs {
            if pair.name.hasPrefix("__param_") {
                // As Prometheus: the label replaces the first value of the parameter.
                let name = String(pair.name.dropFirst("__param_".count))
                var values = resolved.params[name] ?? []
                if values.isEmpty { values = [pair.value] } else { values[0] = pair.value }
                resolved.params[name] = values
            } else if !pair.name.hasPrefix("__") {
                kept.append(pair)
            }
        }
        if !kept.contains(where: { $0.name == "instance" }) { kept.append(Label("instance", finalAddress)) }
        resolved.labels = Labels(kept)
        return resolved
    }

    /// The labels `ScrapeTarget` takes: kept labels plus the `__` overrides that differ
    /// from the job's settings.
    private func entry(_ resolved: ResolvedTarget) -> (target: String, labels: Labels) {
        var pairs = resolved.labels.pairs
        if resolved.scheme != scheme.rawValue { pairs.append(Label("__scheme__", resolved.scheme)) }
        if resolved.metricsPath != metricsPath { pairs.append(Label("__metrics_path__", resolved.metricsPath)) }
        for (name, values) in resolved.params where params[name] != values {
            pairs.append(Label("__param_" + name, values.first ?? ""))
        }
        return (target: resolved.address, labels: Labels(pairs))
    }
}
