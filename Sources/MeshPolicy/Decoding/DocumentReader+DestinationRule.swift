extension DocumentReader {
    static let destinationRuleFields = FieldSet(["host", "trafficPolicy", "subsets"],
                                                unimplemented: ["exportTo", "workloadSelector"])

    mutating func destinationRule(_ spec: PolicyNode, name: String, namespace: String?) -> DestinationRule? {
        guard let fields = mapping(spec, Self.destinationRuleFields) else { return nil }
        guard let hostNode = fields["host"] else {
            error(spec, "host is required")
            return nil
        }
        guard let host = nonEmptyString(hostNode) else { return nil }
        let policy = fields["trafficPolicy"].flatMap { trafficPolicy($0) }
        var seen: [String: String] = [:]
        let subsets: [Subset] = list(fields["subsets"]) { reader, node in
            guard let subset = reader.subset(node) else { return nil }
            if let first = seen[subset.name] {
                reader.error(node, "duplicate subset name '\(subset.name)' (first defined at \(first))")
                return nil
            }
            seen[subset.name] = node.path
            return subset
        }
        return DestinationRule(name: name, namespace: namespace, host: host, trafficPolicy: policy, subsets: subsets)
    }

    private mutating func subset(_ node: PolicyNode) -> Subset? {
        guard let fields = mapping(node, FieldSet(["name", "labels", "trafficPolicy"])) else { return nil }
        guard let nameNode = fields["name"] else {
            error(node, "subset name is required")
            return nil
        }
        guard let name = nonEmptyString(nameNode) else { return nil }
        let labels = stringMap(fields["labels"])
        if labels.isEmpty {
            warning(node, "subset '\(name)' has no labels, so it selects every endpoint")
        }
        return Subset(name: name, labels: labels, trafficPolicy: fields["trafficPolicy"].flatMap { trafficPolicy($0) })
    }
}
