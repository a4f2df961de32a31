extension DocumentReader {
    static let httpMatchFields = FieldSet(
        ["name", "uri", "scheme", "method", "authority", "headers", "port", "sourceLabels", "queryParams",
         "ignoreUriCase", "withoutHeaders", "sourceNamespace"],
        unimplemented: ["gateways", "statPrefix"])

    mutating func httpMatch(_ node: PolicyNode) -> HTTPMatchRequest? {
        guard let fields = mapping(node, Self.httpMatchFields) else { return nil }
        var match = HTTPMatchRequest(name: string(fields["name"]))
        match.uri = fields["uri"].flatMap { stringMatch($0) }
        match.scheme = fields["scheme"].flatMap { stringMatch($0) }
        match.method = fields["method"].flatMap { stringMatch($0) }
        match.authority = fields["authority"].flatMap { stringMatch($0) }
        match.headers = conditions(fields["headers"], lowercasingKeys: true)
        match.withoutHeaders = conditions(fields["withoutHeaders"], lowercasingKeys: true)
        match.queryParams = conditions(fields["queryParams"], lowercasingKeys: false)
        match.port = int(fields["port"], in: 1...65535)
        match.ignoreURICase = bool(fields["ignoreUriCase"]) ?? false
        match.sourceLabels = stringMap(fields["sourceLabels"])
        match.sourceNamespace = string(fields["sourceNamespace"])
        if let gateways = fields["gateways"], !stringList(gateways).contains("mesh") {
            warning(gateways, "a match limited to gateways never applies to the sidecar")
        }
        return match
    }

    /// A `StringMatch` that must say what to match.
    mutating func stringMatch(_ node: PolicyNode) -> StringMatch? {
        switch valueCondition(node) {
        case .match(let match)?:
            return match
        case .present?:
            error(node, "needs one of exact, prefix or regex")
            return nil
        case nil:
            return nil
        }
    }

    /// A `StringMatch`, where `{}` (no operator) means "present".
    mutating func valueCondition(_ node: PolicyNode) -> ValueCondition? {
        guard let fields = mapping(node, FieldSet(["exact", "prefix", "regex"])) else { return nil }
        let given = ["exact", "prefix", "regex"].filter { fields.has($0) }
        if given.count > 1 {
            error(node, "only one of exact, prefix or regex may be set, got \(given.joined(separator: ", "))")
            return nil
        }
        if let exact = fields["exact"] {
            return string(exact).map { .match(.exact($0)) }
        }
        if let prefix = fields["prefix"] {
            return string(prefix).map { .match(.prefix($0)) }
        }
        if let regexNode = fields["regex"], let pattern = string(regexNode) {
            switch CompiledRegex.compile(pattern) {
            case .success(let regex): return .match(.regex(regex))
            case .failure(let problem):
                error(regexNode, problem.message)
                return nil
            }
        }
        return fields["regex"] == nil ? .present : nil
    }

    private mutating func conditions(_ node: PolicyNode?, lowercasingKeys: Bool) -> [String: ValueCondition] {
        guard let node, let entries = anyMapping(node) else { return [:] }
        var out: [String: ValueCondition] = [:]
        for (key, value) in entries.entries {
            if key.isEmpty {
                error(value, "empty name")
                continue
            }
            if let condition = valueCondition(value) {
                out[lowercasingKeys ? key.lowercased() : key] = condition
            }
        }
        return out
    }
}
