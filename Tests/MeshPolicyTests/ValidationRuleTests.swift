import Testing
@testable import MeshPolicy

/// One test per rule, each with the smallest YAML that breaks it.
@Suite("Validation rules")
struct ValidationRuleTests {
    /// A VirtualService for `reviews` whose first HTTP route is `route`.
    func virtualService(_ route: String) -> String {
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: reviews}
        spec:
          hosts: [reviews]
          http:
          - \(route.split(separator: "\n").joined(separator: "\n    "))
        """
    }

    @Test("weights of several destinations must add up to 100")
    func weightsSum() throws {
        let validation = validate(virtualService("""
        route:
        - {destination: {host: reviews}, weight: 60}
        - {destination: {host: ratings}, weight: 30}
        """), file: "weights.yaml")
        let error = try #require(validation.errors.first)
        #expect(validation.errors.count == 1)
        #expect(error.path == "spec.http[0].route")
        #expect(error.message.contains("add up to 90, not 100"))
        #expect(error.kind == "VirtualService" && error.name == "reviews" && error.documentIndex == 0)
        #expect(error.file == "weights.yaml")
        #expect(error.line == 7)
        #expect(error.description.hasPrefix("weights.yaml:7:5: error: VirtualService reviews (document 1): spec.http[0].route: "))
    }

    @Test("a lone destination takes all traffic whatever its weight")
    func loneDestination() {
        let validation = validate(virtualService("route: [{destination: {host: reviews}, weight: 70}]"))
        #expect(!validation.hasErrors)
    }

    @Test("a weight above 100 or negative is an error at the weight")
    func weightRange() {
        let validation = validate(virtualService("""
        route:
        - {destination: {host: reviews}, weight: -10}
        - {destination: {host: ratings}, weight: 110}
        """))
        #expect(validation.errors.map(\.path) == ["spec.http[0].route[0].weight", "spec.http[0].route[1].weight"])
    }

    @Test("an undefined subset: warning in a single file, error in the whole configuration")
    func undefinedSubset() throws {
        let yaml = virtualService("route: [{destination: {host: reviews, subset: v9}}]")
        let single = validate(yaml)
        #expect(!single.hasErrors)
        #expect(findings(single, containing: "subset 'v9'").first?.severity == .warning)

        let files = [PolicyLoader.load(yaml: proxyYAML, file: "proxy.yaml"),
                     PolicyLoader.load(yaml: reviewsRuleYAML, file: "dr.yaml"),
                     PolicyLoader.load(yaml: yaml, file: "vs.yaml")]
        let whole = PolicyValidator.validate(files, scope: .wholeConfig)
        let error = try #require(whole.errors.first)
        #expect(whole.errors.count == 1)
        #expect(error.file == "vs.yaml")
        #expect(error.path == "spec.http[0].route[0].destination.subset")
        #expect(error.message.contains("subset 'v9' of host 'reviews' is not defined by any DestinationRule"))
        #expect(PolicyConfig.build(from: files).config == nil)
    }

    @Test("a subset defined in another file of the whole configuration is fine")
    func subsetDefinedElsewhere() {
        let yaml = virtualService("route: [{destination: {host: reviews.bookinfo.svc.cluster.local, subset: v2}}]")
        let (config, validation) = PolicyConfig.build(yaml: [("proxy.yaml", proxyYAML), ("dr.yaml", reviewsRuleYAML), ("vs.yaml", yaml)])
        #expect(!validation.hasErrors, "\(validation)")
        #expect(config?.virtualServices.count == 1)
    }

    @Test("unknown retryOn values are errors; Envoy's unimplemented ones warnings")
    func retryOn() {
        let validation = validate(virtualService("""
        route: [{destination: {host: reviews}}]
        retries: {attempts: 2, retryOn: "5xx,bogus,retriable-status-codes"}
        """))
        #expect(validation.errors.count == 1)
        #expect(validation.errors.first?.message.contains("unknown retryOn value 'bogus'") == true)
        #expect(validation.errors.first?.path == "spec.http[0].retries.retryOn")
        #expect(findings(validation, containing: "'retriable-status-codes' is not implemented").first?.severity == .warning)
    }

    @Test("negative and malformed durations are errors", arguments: ["timeout: -1s", "timeout: 5", "timeout: 3 seconds"])
    func durations(line: String) {
        let validation = validate(virtualService("route: [{destination: {host: reviews}}]\n\(line)"))
        #expect(validation.errors.map(\.path) == ["spec.http[0].timeout"])
    }

    @Test("invalid regexes are errors naming the pattern")
    func invalidRegex() {
        let validation = validate(virtualService("""
        match: [{uri: {regex: "/api/(v1"}}]
        route: [{destination: {host: reviews}}]
        """))
        #expect(validation.errors.map(\.path) == ["spec.http[0].match[0].uri.regex"])
        #expect(validation.errors.first?.message.contains("invalid regex '/api/(v1'") == true)
    }

    @Test("percentages must lie in [0, 100]")
    func percentages() {
        let validation = validate(virtualService("""
        route: [{destination: {host: reviews}}]
        fault: {abort: {httpStatus: 500, percentage: {value: 120}}, delay: {fixedDelay: 1s, percent: -5}}
        mirror: {host: ratings}
        mirrorPercentage: {value: 100.5}
        """))
        #expect(Set(validation.errors.map(\.path)) == ["spec.http[0].fault.abort.percentage.value",
                                                       "spec.http[0].fault.delay.percent",
                                                       "spec.http[0].mirrorPercentage.value"])
    }

    @Test("duplicate subset names are errors")
    func duplicateSubsets() {
        let validation = validate("""
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: reviews}
        spec:
          host: reviews
          subsets:
          - {name: v1, labels: {version: v1}}
          - {name: v1, labels: {version: v2}}
        """)
        #expect(validation.errors.map(\.path) == ["spec.subsets[1]"])
        #expect(validation.errors.first?.message.contains("duplicate subset name 'v1'") == true)
    }

    @Test("unimplemented and unknown fields are named in warnings")
    func unimplementedFields() {
        let validation = validate(virtualService("""
        route: [{destination: {host: reviews}}]
        corsPolicy: {allowOrigins: [{exact: "*"}]}
        wieght: 3
        """))
        #expect(!validation.hasErrors)
        #expect(validation.warnings.map(\.path) == ["spec.http[0].corsPolicy", "spec.http[0].wieght"])
        #expect(validation.warnings.first?.message.contains("not implemented by MeshScope") == true)
        #expect(validation.warnings.last?.message.contains("unknown field 'wieght'") == true)
    }

    @Test("other kinds are not applied, naming the kind", arguments: [
        "Gateway", "ServiceEntry", "Sidecar", "PeerAuthentication", "AuthorizationPolicy", "RequestAuthentication",
        "Telemetry", "EnvoyFilter", "Deployment", "Service", "Anything",
    ])
    func otherKinds(kind: String) {
        let validation = validate("apiVersion: example.io/v1\nkind: \(kind)\nmetadata: {name: x}\nspec: {a: 1}\n")
        #expect(!validation.hasErrors)
        #expect(validation.warnings.count == 1)
        #expect(validation.warnings.first?.message == "kind \(kind) (example.io/v1) is not applied by MeshScope; ignored")
    }

    @Test("YAML syntax errors carry line and column")
    func syntaxError() throws {
        let validation = validate("apiVersion: v1\nkind: Service\nmetadata: {name: [unclosed\n", file: "bad.yaml")
        let error = try #require(validation.errors.first)
        #expect(error.message.contains("YAML"))
        #expect(error.line != nil && error.column != nil)
        #expect(error.file == "bad.yaml")
    }

    @Test("a VirtualService bound only to gateways warns it does not apply")
    func gatewayOnly() {
        let yaml = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: web}
        spec:
          hosts: ["*"]
          gateways: [ingress]
          http: [{route: [{destination: {host: web}}]}]
        """
        let validation = validate(yaml)
        #expect(validation.warnings.map(\.path) == ["spec.gateways"])
        #expect(!validate(yaml.replacingOccurrences(of: "[ingress]", with: "[ingress, mesh]")).warnings.contains { $0.path == "spec.gateways" })
    }

    @Test("structural errors: no hosts, route and redirect together, no route at all")
    func structure() {
        let validation = validate("""
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: a}
        spec:
          http:
          - {route: [{destination: {host: a}}], redirect: {uri: /b}}
          - {timeout: 1s}
        """)
        #expect(validation.errors.map(\.path) == ["spec", "spec.http[0]", "spec.http[1]"])
    }

    @Test("unsupported apiVersion of an Istio kind is an error")
    func apiVersion() {
        let validation = validate("apiVersion: networking.istio.io/v2\nkind: VirtualService\nmetadata: {name: a}\nspec: {hosts: [a]}\n")
        #expect(validation.errors.first?.path == "apiVersion")
    }

    @Test("PASSTHROUGH, tls and unimplemented hashes warn; unknown balancers are errors")
    func trafficPolicyWarnings() {
        let validation = validate("""
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: a}
        spec:
          host: a
          trafficPolicy:
            loadBalancer: {simple: PASSTHROUGH}
            tls: {mode: ISTIO_MUTUAL}
          subsets:
          - name: v1
            labels: {version: v1}
            trafficPolicy:
              loadBalancer: {consistentHash: {useSourceIp: true}}
          - name: v2
            labels: {version: v2}
            trafficPolicy: {loadBalancer: {simple: FASTEST}}
        """)
        #expect(validation.errors.map(\.path) == ["spec.subsets[1].trafficPolicy.loadBalancer.simple"])
        let warned = Set(validation.warnings.map(\.path))
        #expect(warned.isSuperset(of: ["spec.trafficPolicy.loadBalancer.simple", "spec.trafficPolicy.tls",
                                       "spec.subsets[0].trafficPolicy.loadBalancer.consistentHash.useSourceIp"]))
        #expect(findings(validation, containing: "ISTIO_MUTUAL is recorded but not applied").count == 1)
    }

    @Test("the whole configuration needs exactly one ProxyConfig")
    func proxyConfigRequired() {
        let none = PolicyValidator.validate([PolicyLoader.load(yaml: reviewsRuleYAML, file: "dr.yaml")], scope: .wholeConfig)
        #expect(findings(none, containing: "no ProxyConfig").first?.severity == .error)
        let two = PolicyValidator.validate([PolicyLoader.load(yaml: proxyYAML, file: "a.yaml"),
                                            PolicyLoader.load(yaml: proxyYAML, file: "b.yaml")], scope: .wholeConfig)
        #expect(findings(two, containing: "more than one ProxyConfig").first?.file == "b.yaml")
    }

    @Test("ProxyConfig problems name their fields")
    func proxyConfigErrors() {
        let validation = validate("""
        apiVersion: meshscope/v1
        kind: ProxyConfig
        metadata: {name: w}
        spec:
          workload: {app: web}
          listeners: {outbound: {port: 70000}}
          tracing: {samplingPercentage: 101}
          services:
          - {name: db, port: 5432, endpoints: [{address: "nohost"}]}
        """)
        #expect(Set(validation.errors.map(\.path)) == ["spec.listeners.outbound.port", "spec.tracing.samplingPercentage",
                                                       "spec.services[0].endpoints[0].address"])
    }

    @Test("never crashes on odd input", arguments: [
        "", "---", "- a\n- b", "42", "kind: VirtualService", "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: a}\nspec: [1]",
        "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: a}\nspec: {hosts: a, http: {x: 1}}",
        "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: a}\nspec: {host: [1], subsets: 3}",
        "a: &x [*x]", "a: b: c", "\t- x", "{{{{", "key: \"\\uZZZZ\"",
        "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: a}\nspec: {hosts: [a], http: [{route: [{destination: {host: a}, weight: 99999999999999999999}]}]}",
    ])
    func oddInput(yaml: String) {
        _ = validate(yaml)
    }
}
