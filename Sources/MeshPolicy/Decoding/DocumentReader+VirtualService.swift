extension DocumentReader {
    static let virtualServiceFields = FieldSet(["hosts", "gateways", "http", "tcp"],
                                               unimplemented: ["tls", "exportTo"])

    mutating func virtualService(_ spec: PolicyNode, name: String, namespace: String?) -> VirtualService? {
        guard let fields = mapping(spec, Self.virtualServiceFields) else { return nil }
        let hosts = stringList(fields["hosts"])
        if hosts.isEmpty {
            error(fields["hosts"] ?? spec, "at least one host is required")
        }
        for (index, host) in hosts.enumerated() where host.isEmpty || host.contains("/") {
            report(.error, path: "\(spec.path).hosts[\(index)]", mark: fields["hosts"]?.mark, "invalid host '\(host)'")
        }
        let gateways = stringList(fields["gateways"])
        if !gateways.isEmpty && !gateways.contains("mesh"), let node = fields["gateways"] {
            warning(node, "bound only to gateways (\(gateways.joined(separator: ", "))), not 'mesh': does not apply to the sidecar")
        }
        let http = list(fields["http"]) { reader, node in reader.httpRoute(node) }
        let tcp = list(fields["tcp"]) { reader, node in reader.tcpRoute(node) }
        if fields["http"] == nil && fields["tcp"] == nil && !fields.has("tls") {
            warning(spec, "no http or tcp routes")
        }
        return VirtualService(name: name, namespace: namespace, hosts: hosts, gateways: gateways, http: http, tcp: tcp)
    }

    // MARK: Destinations

    static let destinationFields = FieldSet(["host", "subset", "port"])

    /// A `destination`, recorded as a reference for the cross-document checks.
    mutating func destination(_ node: PolicyNode) -> Destination? {
        guard let fields = mapping(node, Self.destinationFields) else { return nil }
        guard let hostNode = fields["host"] else {
            error(node, "destination host is required")
            return nil
        }
        guard let host = nonEmptyString(hostNode) else { return nil }
        var port: Int?
        if let portNode = fields["port"], let portFields = mapping(portNode, FieldSet(["number"])) {
            port = int(portFields["number"], in: 1...65535)
        }
        let subset = nonEmptyString(fields["subset"])
        let destination = Destination(host: host, subset: subset, port: port)
        references.append(DestinationReference(destination: destination, path: node.path,
                                               line: node.mark?.line, column: node.mark?.column))
        return destination
    }

    static let routeDestinationFields = FieldSet(["destination", "weight", "headers"])

    /// A `route` list (HTTP or TCP): weighted destinations whose weights, when there are
    /// several, must add up to 100. A lone destination takes all traffic.
    mutating func weightedDestinations(_ node: PolicyNode, allowHeaders: Bool) -> [WeightedDestination] {
        guard let elements = list(node) else { return [] }
        var out: [WeightedDestination] = []
        var sum = 0
        var weightsValid = true
        for element in elements {
            let fields = allowHeaders ? mapping(element, Self.routeDestinationFields)
                : mapping(element, FieldSet(["destination", "weight"]))
            guard let fields else {
                weightsValid = false
                continue
            }
            guard let destinationNode = fields["destination"] else {
                error(element, "destination is required")
                weightsValid = false
                continue
            }
            var weight: Int?
            if let weightNode = fields["weight"] {
                weight = int(weightNode, in: 0...100)
                if weight == nil { weightsValid = false }
            }
            sum += weight ?? 0
            let headers = fields["headers"].map { headerOperations($0) } ?? HeaderOperations()
            guard let destination = destination(destinationNode) else {
                weightsValid = false
                continue
            }
            out.append(WeightedDestination(destination: destination, weight: weight, headers: headers))
        }
        if elements.isEmpty {
            error(node, "route has no destinations")
        } else if elements.count > 1 && weightsValid && sum != 100 {
            error(node, "weights of the \(elements.count) destinations add up to \(sum), not 100")
        }
        return out
    }

    // MARK: TCP

    static let tcpRouteFields = FieldSet(["match", "route"])
    static let l4MatchFields = FieldSet(["port"], unimplemented: ["destinationSubnets", "sourceLabels", "gateways",
                                                                  "sourceNamespace", "sourceSubnet"])

    mutating func tcpRoute(_ node: PolicyNode) -> TCPRoute? {
        guard let fields = mapping(node, Self.tcpRouteFields) else { return nil }
        let ports: [Int] = list(fields["match"]) { reader, matchNode in
            guard let match = reader.mapping(matchNode, Self.l4MatchFields) else { return nil }
            return reader.int(match["port"], in: 1...65535)
        }
        guard let routeNode = fields["route"] else {
            error(node, "tcp route has no 'route'")
            return nil
        }
        return TCPRoute(matchPorts: ports, route: weightedDestinations(routeNode, allowHeaders: false))
    }
}
