/// The configuration a proxy applies: its ProxyConfig and the Istio rules, assembled
/// from one or more policy files that validated without errors.
public struct PolicyConfig: Sendable, Hashable {
    public var proxy: ProxyConfig
    public var virtualServices: [VirtualService]
    public var destinationRules: [DestinationRule]

    public init(proxy: ProxyConfig, virtualServices: [VirtualService] = [], destinationRules: [DestinationRule] = []) {
        self.proxy = proxy
        self.virtualServices = virtualServices
        self.destinationRules = destinationRules
    }

    /// Validates the files as one configuration; the config is nil when any error was
    /// found (warnings do not stop it).
    public static func build(from files: [PolicyFile]) -> (config: PolicyConfig?, validation: Validation) {
        let validation = PolicyValidator.validate(files, scope: .wholeConfig)
        guard !validation.hasErrors else { return (nil, validation) }
        var proxy: ProxyConfig?
        var virtualServices: [VirtualService] = []
        var destinationRules: [DestinationRule] = []
        for document in files.flatMap(\.documents) {
            switch document.content {
            case .proxyConfig(let config): proxy = proxy ?? config
            case .virtualService(let service): virtualServices.append(service)
            case .destinationRule(let rule): destinationRules.append(rule)
            case .notApplied, .invalid: break
            }
        }
        guard let proxy else { return (nil, validation) }
        return (PolicyConfig(proxy: proxy, virtualServices: virtualServices, destinationRules: destinationRules), validation)
    }

    /// Loads and builds from YAML texts given as (file name, text).
    public static func build(yaml sources: [(file: String, text: String)]) -> (config: PolicyConfig?, validation: Validation) {
        build(from: sources.map { PolicyLoader.load(yaml: $0.text, file: $0.file) })
    }
}
