/// Validation in the manner of Kiali: each document's own findings (from loading) plus
/// the checks that need several documents, such as a route naming a subset that no
/// DestinationRule defines.
public enum PolicyValidator {
    /// Validates one file on its own: references to other files are warnings.
    public static func validate(yaml: String, file: String) -> Validation {
        validate([PolicyLoader.load(yaml: yaml, file: file)], scope: .singleFile)
    }

    /// With `.singleFile` each file is checked on its own; with `.wholeConfig` the files
    /// are one configuration, which must hold exactly one ProxyConfig.
    public static func validate(_ files: [PolicyFile], scope: ValidationScope) -> Validation {
        var validation = Validation()
        switch scope {
        case .singleFile:
            for file in files {
                validation.findings += file.findings
                validation.findings += crossDocumentFindings(file.documents, severity: .warning, scopeNote: " in this file")
            }
        case .wholeConfig:
            let documents = files.flatMap(\.documents)
            validation.findings += files.flatMap(\.findings)
            validation.findings += proxyConfigFindings(documents, files: files)
            validation.findings += crossDocumentFindings(documents, severity: .error, scopeNote: "")
        }
        return validation
    }

    private static func proxyConfigFindings(_ documents: [PolicyDocument], files: [PolicyFile]) -> [Finding] {
        let proxies = documents.filter { if case .proxyConfig = $0.content { return true } else { return false } }
        var out: [Finding] = []
        let declared = documents.filter { $0.kind == "ProxyConfig" }
        if declared.isEmpty {
            out.append(Finding(severity: .error, file: files.map(\.file).joined(separator: ", "),
                               message: "no ProxyConfig document (kind: ProxyConfig, apiVersion: meshscope/v1)"))
        }
        for extra in proxies.dropFirst() {
            out.append(extra.finding(.error, "more than one ProxyConfig; \(proxies[0].file) document \(proxies[0].index + 1) is the first"))
        }
        guard let proxy = proxies.first.flatMap({ document -> ProxyConfig? in
            if case .proxyConfig(let config) = document.content { return config } else { return nil }
        }) else { return out }
        let registry = ServiceRegistry(proxy)
        for document in documents {
            guard case .virtualService(let service) = document.content, service.appliesToSidecars else { continue }
            let namespace = service.namespace ?? proxy.workload.namespace
            for reference in document.references where registry.service(forHost: reference.destination.host, namespace: namespace) == nil {
                out.append(document.finding(.warning, path: reference.path + ".host", line: reference.line, column: reference.column,
                                            "host '\(reference.destination.host)' is not a service in ProxyConfig; requests to it fail with 503 (UH)"))
            }
        }
        return out
    }

    /// Subsets no DestinationRule defines, and rules that shadow one another.
    private static func crossDocumentFindings(_ documents: [PolicyDocument], severity: Finding.Severity,
                                              scopeNote: String) -> [Finding] {
        let proxy = documents.lazy.compactMap { document -> ProxyConfig? in
            if case .proxyConfig(let config) = document.content { return config } else { return nil }
        }.first
        let registry = proxy.map(ServiceRegistry.init)
        let defaultNamespace = proxy?.workload.namespace ?? "default"
        func qualified(_ host: String, _ namespace: String?) -> String {
            let namespace = namespace ?? defaultNamespace
            return registry?.canonical(host, namespace: namespace) ?? HostName.qualify(host, namespace: namespace)
        }
        var rules: [(host: String, rule: DestinationRule, document: PolicyDocument)] = []
        var out: [Finding] = []
        for document in documents {
            guard case .destinationRule(let rule) = document.content else { continue }
            let host = qualified(rule.host, rule.namespace)
            if let first = rules.first(where: { $0.host == host }) {
                out.append(document.finding(.warning, path: "spec.host",
                                            "DestinationRule \(first.rule.name) already covers host '\(rule.host)'; only the first applies"))
            }
            rules.append((host, rule, document))
        }
        var routedHosts: [String: String] = [:]
        for document in documents {
            guard case .virtualService(let service) = document.content else { continue }
            if service.appliesToSidecars {
                for host in service.hosts.map({ qualified($0, service.namespace) }) {
                    if let first = routedHosts[host] {
                        out.append(document.finding(.warning, path: "spec.hosts",
                                                    "VirtualService \(first) already routes host '\(host)'; only the first applies"))
                    } else {
                        routedHosts[host] = service.name
                    }
                }
            }
            for reference in document.references {
                guard let subset = reference.destination.subset else { continue }
                let host = qualified(reference.destination.host, service.namespace)
                let defined = rules.contains { HostName.covers($0.host, host) && $0.rule.subset(named: subset) != nil }
                if !defined {
                    out.append(document.finding(severity, path: reference.path + ".subset", line: reference.line,
                                                column: reference.column,
                                                "subset '\(subset)' of host '\(reference.destination.host)' is not defined by any DestinationRule\(scopeNote)"))
                }
            }
        }
        return out
    }
}
