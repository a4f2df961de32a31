/// Istio's host-name rules: a short name (no dot) is the service of that name in the
/// rule's namespace; anything else is taken as written. Comparison is case-insensitive
/// and ignores a port in an authority.
public enum HostName {
    public static let clusterDomain = "cluster.local"

    /// Lowercased, without a trailing dot or a `:port`.
    public static func normalize(_ host: String) -> String {
        var text = host.lowercased()
        if text.hasPrefix("[") {
            if let close = text.firstIndex(of: "]") { text = String(text[...close]) }
        } else if let colon = text.lastIndex(of: ":"), text.filter({ $0 == ":" }).count == 1,
                  Int(text[text.index(after: colon)...]) != nil {
            text = String(text[..<colon])
        }
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The FQDN a rule's host means: short names are qualified with the namespace, and
    /// `name.ns` / `name.ns.svc` completed, when the second label is that namespace.
    public static func qualify(_ host: String, namespace: String) -> String {
        let host = normalize(host)
        if host == "*" || host.hasPrefix("*.") { return host }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        switch labels.count {
        case 1:
            return "\(host).\(namespace).svc.\(clusterDomain)"
        case 2 where labels[1] == Substring(namespace):
            return "\(host).svc.\(clusterDomain)"
        case 3 where labels[2] == "svc":
            return "\(host).\(clusterDomain)"
        default:
            return host
        }
    }

    /// Whether a rule host (qualified, maybe a wildcard) covers a concrete host.
    public static func covers(_ ruleHost: String, _ host: String) -> Bool {
        if ruleHost == "*" { return true }
        if ruleHost.hasPrefix("*.") { return host.hasSuffix(ruleHost.dropFirst()) }
        return ruleHost == host
    }
}
