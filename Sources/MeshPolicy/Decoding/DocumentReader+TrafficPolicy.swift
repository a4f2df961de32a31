extension DocumentReader {
    static let trafficPolicyFields = FieldSet(
        ["loadBalancer", "connectionPool", "outlierDetection", "tls", "portLevelSettings"],
        unimplemented: ["tunnel", "proxyProtocol"])

    mutating func trafficPolicy(_ node: PolicyNode) -> TrafficPolicy? {
        guard let fields = mapping(node, Self.trafficPolicyFields) else { return nil }
        var policy = TrafficPolicy(loadBalancer: fields["loadBalancer"].flatMap { loadBalancer($0) },
                                   connectionPool: fields["connectionPool"].flatMap { connectionPool($0) },
                                   outlierDetection: fields["outlierDetection"].flatMap { outlierDetection($0) },
                                   tls: fields["tls"].flatMap { tls($0) })
        policy.portLevelSettings = list(fields["portLevelSettings"]) { reader, element in
            guard let level = reader.mapping(element, FieldSet(["port", "loadBalancer", "connectionPool",
                                                                "outlierDetection", "tls"])) else { return nil }
            guard let portNode = level["port"] else {
                reader.error(element, "port is required")
                return nil
            }
            guard let portFields = reader.mapping(portNode, FieldSet(["number"])),
                  let port = reader.int(portFields["number"], in: 1...65535) else { return nil }
            return PortTrafficPolicy(port: port, loadBalancer: level["loadBalancer"].flatMap { reader.loadBalancer($0) },
                                     connectionPool: level["connectionPool"].flatMap { reader.connectionPool($0) },
                                     outlierDetection: level["outlierDetection"].flatMap { reader.outlierDetection($0) },
                                     tls: level["tls"].flatMap { reader.tls($0) })
        }
        return policy
    }

    private mutating func loadBalancer(_ node: PolicyNode) -> LoadBalancerSettings? {
        guard let fields = mapping(node, FieldSet(["simple", "consistentHash"],
                                                  unimplemented: ["localityLbSetting", "warmupDurationSecs", "warmup"])) else { return nil }
        if fields.has("simple") && fields.has("consistentHash") {
            error(node, "only one of 'simple' or 'consistentHash' may be set")
            return nil
        }
        if let simpleNode = fields["simple"], let simple = string(simpleNode) {
            switch simple {
            case "ROUND_ROBIN": return .roundRobin
            case "LEAST_REQUEST", "LEAST_CONN": return .leastRequest
            case "RANDOM": return .random
            case "UNSPECIFIED": return .istioDefault
            case "PASSTHROUGH":
                warning(simpleNode, "PASSTHROUGH needs the original destination address, which the sidecar does not have; ROUND_ROBIN is used")
                return .roundRobin
            default:
                error(simpleNode, "unknown load balancer '\(simple)' (ROUND_ROBIN, LEAST_REQUEST, LEAST_CONN, RANDOM, PASSTHROUGH)")
                return nil
            }
        }
        guard let hashNode = fields["consistentHash"] else { return nil }
        guard let hash = mapping(hashNode, FieldSet(["httpHeaderName", "minimumRingSize", "ringHash"],
                                                    unimplemented: ["httpCookie", "useSourceIp", "httpQueryParameterName", "maglev"])) else { return nil }
        var ringSize = int(hash["minimumRingSize"], in: 1...8_388_608) ?? LoadBalancerSettings.defaultRingSize
        if let ring = hash["ringHash"], let ringFields = mapping(ring, FieldSet(["minimumRingSize"])) {
            ringSize = int(ringFields["minimumRingSize"], in: 1...8_388_608) ?? ringSize
        }
        if let header = hash["httpHeaderName"] {
            return nonEmptyString(header).map { .consistentHash(headerName: $0.lowercased(), minimumRingSize: ringSize) }
        }
        warning(hashNode, "consistent hash without httpHeaderName is not implemented; requests are spread at random")
        return .random
    }

    private mutating func connectionPool(_ node: PolicyNode) -> ConnectionPoolSettings? {
        guard let fields = mapping(node, FieldSet(["tcp", "http"])) else { return nil }
        var pool = ConnectionPoolSettings()
        if let tcpNode = fields["tcp"], let tcp = mapping(tcpNode, FieldSet(["maxConnections", "connectTimeout"],
                                                                           unimplemented: ["tcpKeepalive", "maxConnectionDuration", "idleTimeout"])) {
            pool.maxConnections = int(tcp["maxConnections"], in: 0...Int(Int32.max))
            pool.connectTimeout = duration(tcp["connectTimeout"])
        }
        if let httpNode = fields["http"], let http = mapping(httpNode, FieldSet(
            ["http1MaxPendingRequests", "http2MaxRequests", "maxRequestsPerConnection", "maxRetries", "idleTimeout"],
            unimplemented: ["h2UpgradePolicy", "useClientProtocol", "maxConcurrentStreams"])) {
            pool.maxPendingRequests = int(http["http1MaxPendingRequests"], in: 0...Int(Int32.max))
            pool.maxRequests = int(http["http2MaxRequests"], in: 0...Int(Int32.max))
            pool.maxRequestsPerConnection = int(http["maxRequestsPerConnection"], in: 0...Int(Int32.max))
            pool.maxRetries = int(http["maxRetries"], in: 0...Int(Int32.max))
            pool.idleTimeout = duration(http["idleTimeout"])
        }
        return pool
    }

    private mutating func outlierDetection(_ node: PolicyNode) -> OutlierDetectionSettings? {
        guard let fields = mapping(node, FieldSet(
            ["consecutive5xxErrors", "consecutiveErrors", "consecutiveGatewayErrors", "interval", "baseEjectionTime",
             "maxEjectionPercent"],
            unimplemented: ["minHealthPercent", "splitExternalLocalOriginErrors", "consecutiveLocalOriginFailures"])) else { return nil }
        var settings = OutlierDetectionSettings()
        if let deprecated = fields["consecutiveErrors"] {
            if fields.has("consecutive5xxErrors") {
                warning(deprecated, "deprecated and ignored: consecutive5xxErrors is set")
            } else {
                warning(deprecated, "deprecated: read as consecutive5xxErrors")
                settings.consecutive5xxErrors = int(deprecated, in: 0...Int(Int32.max)) ?? settings.consecutive5xxErrors
            }
        }
        settings.consecutive5xxErrors = int(fields["consecutive5xxErrors"], in: 0...Int(Int32.max)) ?? settings.consecutive5xxErrors
        settings.consecutiveGatewayErrors = int(fields["consecutiveGatewayErrors"], in: 0...Int(Int32.max)) ?? 0
        if let interval = duration(fields["interval"]) {
            if interval <= .zero, let intervalNode = fields["interval"] {
                error(intervalNode, "interval must be greater than 0")
            } else {
                settings.interval = interval
            }
        }
        settings.baseEjectionTime = duration(fields["baseEjectionTime"]) ?? settings.baseEjectionTime
        settings.maxEjectionPercent = int(fields["maxEjectionPercent"], in: 0...100) ?? settings.maxEjectionPercent
        return settings
    }

    private mutating func tls(_ node: PolicyNode) -> ClientTLSSettings? {
        guard let fields = anyMapping(node) else { return nil }
        let mode = string(fields["mode"]) ?? "DISABLE"
        if !ClientTLSSettings.modes.contains(mode), let modeNode = fields["mode"] {
            error(modeNode, "unknown TLS mode '\(mode)' (DISABLE, SIMPLE, MUTUAL, ISTIO_MUTUAL)")
            return nil
        }
        switch mode {
        case "SIMPLE", "MUTUAL":
            warning(node, "tls mode \(mode) (certificates of your own) is recorded but not applied")
        case "ISTIO_MUTUAL":
            warning(node, "tls mode ISTIO_MUTUAL is recorded but not applied unless the proxy has mesh certificates (meshscope proxy --ca-url)")
        default:
            break
        }
        return ClientTLSSettings(mode: mode, sni: string(fields["sni"]))
    }
}
