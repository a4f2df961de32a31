/// A DestinationRule for `host` with version subsets and an optional traffic policy
/// (YAML lines indented for `trafficPolicy:`).
func destinationRuleYAML(host: String, subsets: [String] = ["v1", "v2"], policy: String? = nil) -> String {
    var yaml = """
    apiVersion: networking.istio.io/v1
    kind: DestinationRule
    metadata: {name: \(host)}
    spec:
      host: \(host)

    """
    if let policy { yaml += "  trafficPolicy:\n" + policy.split(separator: "\n").map { "    \($0)\n" }.joined() }
    yaml += "  subsets:\n"
    for subset in subsets { yaml += "    - {name: \(subset), labels: {version: \(subset)}}\n" }
    return yaml
}

/// A VirtualService for `host` whose `http` list is given as YAML lines (indented for
/// `http:`).
func virtualServiceYAML(host: String, http: String) -> String {
    """
    apiVersion: networking.istio.io/v1
    kind: VirtualService
    metadata: {name: \(host)}
    spec:
      hosts: [\(host)]
      http:

    """ + http.split(separator: "\n").map { "    \($0)\n" }.joined()
}
