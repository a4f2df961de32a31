extension DocumentReader {
    static let proxyConfigFields = FieldSet(["workload", "listeners", "collector", "tracing", "accessLog", "services"])

    /// The `ProxyConfig` spec (schema in `ProxyConfig`'s documentation).
    mutating func proxyConfig(_ spec: PolicyNode, metadataName: String?, metadataNamespace: String?) -> ProxyConfig? {
        guard let fields = mapping(spec, Self.proxyConfigFields) else { return nil }
        guard let workloadNode = fields["workload"] else {
            error(spec, "workload is required")
            return nil
        }
        guard let workload = workload(workloadNode, metadataName: metadataName, metadataNamespace: metadataNamespace) else {
            return nil
        }
        let listeners = fields["listeners"].flatMap { self.listeners($0) } ?? ProxyListeners()
        // Only when neither is written: a bad one has been reported already.
        let written = fields["listeners"].flatMap { node -> Bool? in
            guard case .mapping(let mapping) = node.node else { return nil }
            return mapping["inbound"] != nil || mapping["outbound"] != nil
        } ?? false
        if !written {
            error(fields["listeners"] ?? spec, "at least one of listeners.inbound or listeners.outbound is required")
        }
        var config = ProxyConfig(workload: workload, listeners: listeners)
        if let collectorNode = fields["collector"], let collector = mapping(collectorNode, FieldSet(["address"])) {
            config.collectorAddress = hostPort(collector["address"])
        }
        if let tracingNode = fields["tracing"], let tracing = mapping(tracingNode, FieldSet(["samplingPercentage"])) {
            config.tracingSamplingPercentage = percent(tracing["samplingPercentage"]) ?? config.tracingSamplingPercentage
        }
        if let logNode = fields["accessLog"], let log = mapping(logNode, FieldSet(["path"])) {
            config.accessLogPath = nonEmptyString(log["path"])
        }
        var seen: Set<String> = []
        config.services = list(fields["services"]) { reader, node in
            guard let service = reader.meshService(node) else { return nil }
            let key = "\(service.name).\(service.namespace ?? workload.namespace)"
            if !seen.insert(key).inserted {
                reader.error(node, "service '\(key)' is listed twice")
                return nil
            }
            return service
        }
        return config
    }

    private mutating func workload(_ node: PolicyNode, metadataName: String?, metadataNamespace: String?) -> WorkloadIdentity? {
        guard let fields = mapping(node, FieldSet(["name", "app", "version", "namespace", "serviceAccount", "cluster",
                                                   "trustDomain", "labels"])) else { return nil }
        guard let name = nonEmptyString(fields["name"]) ?? metadataName else {
            error(node, "workload name is required (workload.name or metadata.name)")
            return nil
        }
        guard let appNode = fields["app"] else {
            error(node, "workload app is required")
            return nil
        }
        guard let app = nonEmptyString(appNode) else { return nil }
        return WorkloadIdentity(name: name, app: app, version: nonEmptyString(fields["version"]) ?? "unknown",
                                namespace: nonEmptyString(fields["namespace"]) ?? metadataNamespace ?? "default",
                                serviceAccount: nonEmptyString(fields["serviceAccount"]) ?? "default",
                                cluster: nonEmptyString(fields["cluster"]) ?? "Kubernetes",
                                trustDomain: nonEmptyString(fields["trustDomain"]) ?? "cluster.local",
                                labels: stringMap(fields["labels"]))
    }

    private mutating func listeners(_ node: PolicyNode) -> ProxyListeners? {
        guard let fields = mapping(node, FieldSet(["inbound", "outbound", "admin", "tcp"])) else { return nil }
        var listeners = ProxyListeners()
        if let inboundNode = fields["inbound"], let inbound = mapping(inboundNode, FieldSet(["port", "app"])) {
            if let port = required(inbound, "port", inboundNode).flatMap({ int($0, in: 0...65535) }),
               let app = required(inbound, "app", inboundNode).flatMap({ hostPort($0) }) {
                listeners.inbound = .init(port: port, app: app)
            }
        }
        for (key, path) in [("outbound", \ProxyListeners.outboundPort), ("admin", \ProxyListeners.adminPort)] {
            if let listenerNode = fields[key], let listener = mapping(listenerNode, FieldSet(["port"])) {
                listeners[keyPath: path] = required(listener, "port", listenerNode).flatMap { int($0, in: 0...65535) }
            }
        }
        listeners.tcp = list(fields["tcp"]) { reader, element in
            guard let tcp = reader.mapping(element, FieldSet(["name", "port", "upstream"])),
                  let port = reader.required(tcp, "port", element).flatMap({ reader.int($0, in: 0...65535) }),
                  let upstream = reader.required(tcp, "upstream", element).flatMap({ reader.hostPort($0) }) else { return nil }
            return .init(name: reader.string(tcp["name"]) ?? "tcp-\(port)", port: port, upstream: upstream)
        }
        return listeners
    }

    private mutating func meshService(_ node: PolicyNode) -> MeshService? {
        guard let fields = mapping(node, FieldSet(["name", "namespace", "port", "hosts", "endpoints"])) else { return nil }
        guard let name = required(fields, "name", node).flatMap({ nonEmptyString($0) }),
              let port = required(fields, "port", node).flatMap({ int($0, in: 1...65535) }) else { return nil }
        let endpoints: [ServiceEndpoint] = list(fields["endpoints"]) { reader, element in
            guard let endpoint = reader.mapping(element, FieldSet(["address", "labels"])),
                  let address = reader.required(endpoint, "address", element).flatMap({ reader.hostPort($0) }) else { return nil }
            return ServiceEndpoint(address: address, labels: reader.stringMap(endpoint["labels"]))
        }
        if endpoints.isEmpty {
            warning(fields["endpoints"] ?? node, "service '\(name)' has no endpoints; requests to it fail with 503 (UH)")
        }
        return MeshService(name: name, namespace: nonEmptyString(fields["namespace"]), port: port,
                           aliases: stringList(fields["hosts"]), endpoints: endpoints)
    }

    private mutating func required(_ fields: PolicyMapping, _ key: String, _ parent: PolicyNode) -> PolicyNode? {
        if let node = fields[key] { return node }
        error(parent, "\(key) is required")
        return nil
    }

    mutating func hostPort(_ node: PolicyNode?) -> HostPort? {
        guard let node, let text = string(node) else { return nil }
        guard let value = HostPort(parsing: text) else {
            error(node, "expected host:port, got '\(text)'")
            return nil
        }
        return value
    }
}
