/// An Envoy upstream cluster name as Istio writes it: `outbound|PORT|SUBSET|HOST` for a
/// call the proxy makes to another service, `inbound|PORT||` (older Istio:
/// `inbound|PORT|PORTNAME|HOST`) for a request it hands to its own workload. Any other name
/// (`PassthroughCluster`, a plain Envoy cluster) is kept as `.other`.
public struct UpstreamCluster: Sendable, Hashable {
    public enum Direction: Sendable, Hashable {
        case inbound
        case outbound
        case other
    }

    public var direction: Direction
    public var port: Int?
    /// The subset (`v2`) of an outbound cluster; nil when empty.
    public var subset: String?
    /// The host as written (`reviews.default.svc.cluster.local`); nil when empty.
    public var host: String?
    /// The short service name from a Kubernetes host (`reviews.default.svc.cluster.local`
    /// → `reviews`); another host is its own name (`httpbin.org`).
    public var service: String?
    /// The namespace of a Kubernetes host (`reviews.default.svc.cluster.local` → `default`).
    public var namespace: String?
    /// The original name.
    public var name: String

    /// Parses any string; never fails (unknown forms are `.other` with the name kept).
    /// Works on UTF-8 code units: this runs for every Istio record.
    public init(_ name: String) {
        self.name = name
        direction = .other
        let u = name.utf8
        var bars: [String.Index] = []
        var i = u.startIndex
        while i < u.endIndex, bars.count < 4 {
            if u[i] == UInt8(ascii: "|") { bars.append(i) }
            i = u.index(after: i)
        }
        guard bars.count == 3 else { return }
        let kind = name[..<bars[0]]
        guard kind == "outbound" || kind == "inbound" else { return }
        direction = kind == "outbound" ? .outbound : .inbound
        port = Int(name[u.index(after: bars[0])..<bars[1]])
        let subsetText = name[u.index(after: bars[1])..<bars[2]]
        subset = subsetText.isEmpty ? nil : String(subsetText)
        let hostText = name[u.index(after: bars[2])...]
        guard !hostText.isEmpty else { return }
        host = String(hostText)
        // NAME.NAMESPACE.svc[.DOMAIN] → NAME, NAMESPACE
        let hu = hostText.utf8
        if let dot1 = hu.firstIndex(of: UInt8(ascii: ".")), dot1 != hu.startIndex,
           let dot2 = hu[hu.index(after: dot1)...].firstIndex(of: UInt8(ascii: ".")), dot2 != hu.index(after: dot1),
           hostText[hu.index(after: dot2)...].utf8.starts(with: "svc".utf8) {
            let afterSvc = hu.index(dot2, offsetBy: 4)
            if afterSvc == hu.endIndex || hu[afterSvc] == UInt8(ascii: ".") {
                service = String(hostText[..<dot1])
                namespace = String(hostText[hu.index(after: dot1)..<dot2])
                return
            }
        }
        service = host
    }

    /// Istio's catch-all clusters, which say nothing about the destination's identity.
    public var isPassthrough: Bool {
        direction == .other
            && (name == "PassthroughCluster" || name == "BlackHoleCluster" || name.hasPrefix("InboundPassthroughCluster"))
    }
}
