/// Turns traces into service-graph edges with Zipkin's rules (`zipkin2.internal.DependencyLinker`).
/// A pure fold: feed traces with `putTrace`, read the edges with `link()`.
///
/// Rules, walking each trace tree breadth-first:
/// - A CLIENT span with children is skipped: the server below it names the callee better.
///   A childless CLIENT (an uninstrumented callee) links local → remote service.
/// - A span without kind but with both local and remote service is treated as a CLIENT;
///   other kindless (local) spans are skipped.
/// - SERVER and CONSUMER link remote → local; at the root a SERVER without a remote service
///   (the caller is unknown) is skipped.
/// - PRODUCER links local → remote (the broker), CONSUMER remote (broker) → local; messaging
///   spans need both names and never look at ancestors.
/// - For RPC spans the caller is the nearest ancestor with a kind (local spans in between
///   are skipped): a SERVER's caller is that ancestor's service; a CLIENT whose ancestor is
///   another service also adds an edge ancestor → client service (error unknown: not counted).
/// - An edge is an error when the span has an `error` tag; a server half without it inherits
///   the `error` tag of its direct CLIENT parent.
/// Edges come out in first-seen order.
public struct DependencyLinker: Sendable {
    private struct Pair: Hashable {
        var parent: String
        var child: String
    }

    private var order: [Pair] = []
    private var counts: [Pair: (calls: Int64, errors: Int64)] = [:]

    public init() {}

    /// Links of spans from any number of traces, grouped by trace id.
    public static func link(_ spans: [Span]) -> [DependencyLink] {
        var byTrace: [String: [Span]] = [:]
        var traceOrder: [String] = []
        for span in spans {
            // A 64-bit and a 128-bit form of one trace share the low 64 bits.
            let key = String(span.traceId.suffix(16))
            if byTrace[key] == nil { traceOrder.append(key) }
            byTrace[key, default: []].append(span)
        }
        var linker = DependencyLinker()
        for key in traceOrder { linker.putTrace(byTrace[key]!) }
        return linker.link()
    }

    /// Adds one trace; all spans must share a trace id.
    public mutating func putTrace(_ spans: [Span]) {
        if spans.isEmpty { return }
        let tree = SpanTree(spans)
        for index in tree.breadthFirst() {
            guard let span = tree.nodes[index].span else { continue }
            var kind = span.kind
            if kind == .client && !tree.nodes[index].children.isEmpty { continue }

            let serviceName = span.localServiceName
            let remoteServiceName = span.remoteServiceName
            if kind == nil {
                guard serviceName != nil && remoteServiceName != nil else { continue } // local span
                kind = .client
            }

            var parent: String?
            var child: String?
            switch kind! {
            case .server, .consumer:
                child = serviceName
                parent = remoteServiceName
                if index == tree.root && parent == nil { continue } // root's client is unknown
            case .client, .producer:
                parent = serviceName
                child = remoteServiceName
            }

            var isError = span.tags["error"] != nil
            if kind == .producer || kind == .consumer {
                if let parent, let child { addLink(parent, child, isError) }
                continue
            }

            if let remoteAncestor = tree.firstRemoteAncestor(index),
               let ancestorName = remoteAncestor.localServiceName {
                // Some put the remote service name on client spans: backfill the missing hop.
                if kind == .client, let serviceName, ancestorName != serviceName {
                    addLink(ancestorName, serviceName, false)
                }
                if kind == .server || parent == nil { parent = ancestorName }
                // An RPC split into client and server spans: the client half may hold the error.
                if !isError && remoteAncestor.kind == .client && span.parentId != nil
                    && span.parentId == remoteAncestor.id {
                    isError = remoteAncestor.tags["error"] != nil
                }
            }

            guard let parent, let child else { continue }
            addLink(parent, child, isError)
        }
    }

    private mutating func addLink(_ parent: String, _ child: String, _ isError: Bool) {
        let key = Pair(parent: parent, child: child)
        if let c = counts[key] {
            counts[key] = (c.calls + 1, c.errors + (isError ? 1 : 0))
        } else {
            order.append(key)
            counts[key] = (1, isError ? 1 : 0)
        }
    }

    /// The edges so far, in first-seen order.
    public func link() -> [DependencyLink] {
        order.map { p in
            let c = counts[p]!
            return DependencyLink(parent: p.parent, child: p.child, callCount: c.calls, errorCount: c.errors)
        }
    }

    /// Sums links with the same parent and child (per-minute rows into one answer).
    public static func merge(_ links: [DependencyLink]) -> [DependencyLink] {
        var order: [Pair] = []
        var sums: [Pair: DependencyLink] = [:]
        for link in links {
            let key = Pair(parent: link.parent, child: link.child)
            if var s = sums[key] {
                s.callCount += link.callCount
                s.errorCount += link.errorCount
                sums[key] = s
            } else {
                order.append(key)
                sums[key] = link
            }
        }
        return order.map { sums[$0]! }
    }
}
