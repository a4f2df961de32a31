/// The configuration a proxy applies: its ProxyConfig and the Istio rules, assembled
/// from one or more policy files that validated without errors.
public struct PolicyConfig: Sendable, Hashable {
    public var proxy: ProxyConfig
    public var virtualServices: [VirtualService]
    public var destinationRules: [DestinationRule]
    /// `security.istio.io` PeerAuthentication documents: the inbound listener's mTLS mode.
    public var peerAuthentications: [PeerAuthentication]

    public init(proxy: ProxyConfig, virtualServices: [VirtualService] = [], destinationRules: [DestinationRule] = [],
                peerAuthentications: [PeerAuthentication] = []) {
        self.proxy = proxy
        self.virtualServices = virtualServices
        self.destinationRules = destinationRules
        self.peerAuthentications = peerAuthentications
    }

    /// The mTLS mode of the inbound listener: the PeerAuthentications for this workload,
    /// at the application's port.
    public var inboundMTLSMode: MutualTLSMode {
        PeerAuthenticationResolver.mode(peerAuthentications, workload: proxy.workload,
                                        port: proxy.listeners.inbound?.app.port)
    }

    /// Validates the files as one configuration; the config is nil when any error was
    /// found (warnings do not stop it).
    public static func build(from files: [PolicyFile]) -> (config: PolicyConfig?, validation: Validation) {
        let validation = PolicyValidator.validate(files, scope: .wholeConfig)
        guard !validation.hasErrors else { return (nil, validation) }
        var proxy: ProxyConfig?
        var virtualServices: [VirtualService] = []
        var destinationRules: [DestinationRule] = []
        var peerAuthentications: [PeerAuthentication] = []
        for document in files.flatMap(\.documents) {
            switch document.content {
            case .proxyConfig(let config): proxy = proxy ?? config
            case .virtualService(let service): virtualServices.append(service)
            case .destinationRule(let rule): destinationRules.append(rule)
            case .peerAuthentication(let policy): peerAuthentications.append(policy)
            case .notApplied, .invalid: break
            }
        }
        guard let proxy else { return (nil, validation) }
        return (PolicyConfig(proxy: proxy, virtualServices: virtualServices, destinationRules: destinationRules,
                             peerAuthentications: peerAuthentications), validation)
    }

    /// Loads and builds from YAML texts given as (file name, text).
    public static func build(yaml sources: [(file: String, text: String)]) -> (config: PolicyConfig?, validation: Validation) {
        build(from: sources.map { PolicyLoader.load(yaml: $0.text, file: $0.file) })
    }
}
