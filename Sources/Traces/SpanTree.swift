/// A trace as a tree, as Zipkin's `SpanNode.Builder` builds it for the dependency linker.
/// Nodes live in an array and refer to each other by index (value semantics, no classes).
struct SpanTree {
    struct Node {
        /// nil for the synthetic root of a headless trace.
        var span: Span?
        var parent: Int?
        var children: [Int] = []
    }

    /// A span's identity in the tree: a shared (server) span is qualified by its endpoint,
    /// since several servers may answer one client span id.
    enum Key: Hashable {
        case id(String)
        case shared(String, Endpoint?)

        init(_ id: String, shared: Bool, _ endpoint: Endpoint?) {
            self = shared ? .shared(id, endpoint) : .id(id)
        }
    }

    private(set) var nodes: [Node] = []
    let root: Int

    /// `SpanNode.Builder.build`: merges the spans (`Trace.merge`), indexes them, places each
    /// under its most specific parent, and hangs spans whose parent is missing under the root
    /// (the first span without a parent, or a synthetic root).
    init(_ spans: [Span]) {
        let cleaned = Trace.merge(spans)
        // spanToParent keeps insertion order, like Java's LinkedHashMap.
        var order: [Key] = []
        var spanToParent: [Key: Key?] = [:]
        func put(_ k: Key, _ v: Key?) {
            if spanToParent.updateValue(v, forKey: k) == nil { order.append(k) }
        }
        for span in cleaned {
            if span.shared {
                put(Key(span.id, shared: true, span.localEndpoint), .id(span.id))
            } else {
                put(.id(span.id), span.parentId.map { .id($0) })
            }
        }

        var keyToNode: [Key: Int] = [:]
        var rootIndex: Int?
        for span in cleaned {
            let endpoint = span.localEndpoint
            let key = Key(span.id, shared: span.shared, endpoint)
            let noEndpointKey = endpoint != nil ? Key(span.id, shared: span.shared, nil) : key
            var parent: Key?
            if span.shared {
                parent = .id(span.id)
            } else if let parentId = span.parentId {
                // A child of a shared server span on the same endpoint is the most specific case.
                let sharedParent = Key(parentId, shared: true, endpoint)
                if spanToParent[sharedParent] != nil {
                    parent = sharedParent
                    put(noEndpointKey, sharedParent)
                } else {
                    parent = .id(parentId)
                }
            }
            nodes.append(Node(span: span))
            let index = nodes.count - 1
            if parent == nil && rootIndex == nil {
                rootIndex = index
                if spanToParent.removeValue(forKey: noEndpointKey) != nil {
                    order.removeAll { $0 == noEndpointKey }
                }
            } else if span.shared {
                keyToNode[key] = index
                keyToNode[noEndpointKey] = index
            } else {
                keyToNode[noEndpointKey] = index
            }
        }
        if rootIndex == nil {
            nodes.append(Node(span: nil))
            rootIndex = nodes.count - 1
        }
        root = rootIndex!

        for childKey in order {
            guard let child = keyToNode[childKey], let parentKey = spanToParent[childKey] else { continue }
            let parent = parentKey.flatMap { keyToNode[$0] } ?? root
            // Zipkin refuses a node as its own child; an already placed node stays put.
            if parent == child || nodes[child].parent != nil { continue }
            nodes[parent].children.append(child)
            nodes[child].parent = parent
        }
    }

    /// Breadth-first from the root; a synthetic root is skipped, its children come first.
    func breadthFirst() -> [Int] {
        var queue: [Int] = nodes[root].span == nil ? nodes[root].children : [root]
        var seen = Set(queue)
        var k = 0
        while k < queue.count {
            for c in nodes[queue[k]].children where seen.insert(c).inserted { queue.append(c) }
            k += 1
        }
        return queue
    }

    /// The closest ancestor whose span has a kind.
    func firstRemoteAncestor(_ index: Int) -> Span? {
        var current = nodes[index].parent
        var steps = 0
        while let c = current, steps <= nodes.count {
            if let s = nodes[c].span, s.kind != nil { return s }
            current = nodes[c].parent
            steps += 1
        }
        return nil
    }
}
