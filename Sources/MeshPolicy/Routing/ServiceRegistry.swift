/// ProxyConfig's services indexed by every host name that reaches them, so that rules
/// and requests naming a service in any of its forms agree on one FQDN.
public struct ServiceRegistry: Sendable, Hashable {
    public let workloadNamespace: String
    /// FQDN → service.
    public private(set) var services: [String: MeshService] = [:]
    /// Any qualified-enough name (`name.ns`, `name.ns.svc`, FQDN, alias) → FQDN.
    private var names: [String: String] = [:]

    public init(_ proxy: ProxyConfig) {
        workloadNamespace = proxy.workload.namespace
        for service in proxy.services {
            let fqdn = service.fullyQualifiedName(defaultNamespace: workloadNamespace)
            services[fqdn] = service
            let namespace = service.namespace ?? workloadNamespace
            for name in ["\(service.name).\(namespace)", "\(service.name).\(namespace).svc", fqdn] + service.aliases {
                names[HostName.normalize(name), default: fqdn] = fqdn
            }
        }
    }

    /// The FQDN `host` means when written in `namespace`: short names are services of
    /// that namespace; other names are looked up, and otherwise kept as written.
    public func canonical(_ host: String, namespace: String) -> String {
        let normalized = HostName.normalize(host)
        if !normalized.contains(".") { return HostName.qualify(normalized, namespace: namespace) }
        return names[normalized] ?? HostName.qualify(normalized, namespace: namespace)
    }

    public func service(forHost host: String, namespace: String) -> MeshService? {
        services[canonical(host, namespace: namespace)]
    }
}
