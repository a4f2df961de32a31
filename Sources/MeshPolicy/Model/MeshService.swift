/// A service of the mesh as ProxyConfig lists it: its names, port and endpoints.
public struct MeshService: Sendable, Hashable {
    public var name: String
    /// Nil: the workload's namespace.
    public var namespace: String?
    public var port: Int
    /// Further host names that reach it (`api.example.com`).
    public var aliases: [String]
    public var endpoints: [ServiceEndpoint]

    public init(name: String, namespace: String? = nil, port: Int, aliases: [String] = [],
                endpoints: [ServiceEndpoint] = []) {
        self.name = name
        self.namespace = namespace
        self.port = port
        self.aliases = aliases
        self.endpoints = endpoints
    }

    /// `name.namespace.svc.cluster.local`.
    public func fullyQualifiedName(defaultNamespace: String) -> String {
        "\(name).\(namespace ?? defaultNamespace).svc.\(HostName.clusterDomain)"
    }

    /// Every name that reaches it, lowercased: short (in its own namespace), `name.ns`,
    /// `name.ns.svc`, the FQDN and the aliases.
    public func hostNames(defaultNamespace: String) -> Set<String> {
        let ns = namespace ?? defaultNamespace
        var names: Set<String> = ["\(name).\(ns)", "\(name).\(ns).svc", fullyQualifiedName(defaultNamespace: defaultNamespace)]
        if ns == defaultNamespace { names.insert(name) }
        for alias in aliases { names.insert(HostName.normalize(alias)) }
        return Set(names.map { $0.lowercased() })
    }
}

/// One address serving a service, with the labels subsets select on.
public struct ServiceEndpoint: Sendable, Hashable, CustomStringConvertible {
    public var address: HostPort
    public var labels: [String: String]

    public init(address: HostPort, labels: [String: String] = [:]) {
        self.address = address
        self.labels = labels
    }

    public var description: String { address.description }
}
