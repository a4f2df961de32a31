extension DocumentReader {
    static let httpRouteFields = FieldSet(
        ["name", "match", "route", "redirect", "rewrite", "timeout", "retries", "fault", "mirror",
         "mirrorPercentage", "mirror_percent", "mirrorPercent", "mirrors", "headers"],
        unimplemented: ["directResponse", "delegate", "corsPolicy"])

    mutating func httpRoute(_ node: PolicyNode) -> HTTPRoute? {
        guard let fields = mapping(node, Self.httpRouteFields) else { return nil }
        var route = HTTPRoute(name: string(fields["name"]))
        route.match = list(fields["match"]) { reader, element in reader.httpMatch(element) }
        if let routeNode = fields["route"] {
            route.route = weightedDestinations(routeNode, allowHeaders: true)
        }
        route.redirect = fields["redirect"].flatMap { httpRedirect($0) }
        if fields.has("route") && fields.has("redirect") {
            error(node, "a route cannot have both 'route' and 'redirect'")
        } else if !fields.has("route") && !fields.has("redirect") && !fields.has("directResponse") && !fields.has("delegate") {
            error(node, "needs a 'route' or a 'redirect'")
        }
        route.rewrite = fields["rewrite"].flatMap { httpRewrite($0) }
        if route.rewrite != nil && fields.has("redirect"), let rewriteNode = fields["rewrite"] {
            error(rewriteNode, "'rewrite' cannot be used with 'redirect'")
        }
        route.timeout = duration(fields["timeout"])
        route.retries = fields["retries"].flatMap { httpRetry($0) }
        route.fault = fields["fault"].flatMap { httpFault($0) }
        route.mirrors = mirrors(fields)
        route.headers = fields["headers"].map { headerOperations($0) } ?? HeaderOperations()
        return route
    }

    /// `mirror` with `mirrorPercentage` (or the older `mirror_percent` / `mirrorPercent`
    /// integers), and the newer `mirrors` list.
    private mutating func mirrors(_ fields: PolicyMapping) -> [MirrorPolicy] {
        var out: [MirrorPolicy] = []
        var percentage: Double?
        if let node = fields["mirrorPercentage"], let value = percentValue(node) {
            percentage = value
        } else if let node = fields["mirror_percent"] ?? fields["mirrorPercent"] {
            percentage = int(node, in: 0...100).map(Double.init)
        }
        if let mirrorNode = fields["mirror"] {
            if let destination = destination(mirrorNode) {
                out.append(MirrorPolicy(destination: destination, percentage: percentage ?? 100))
            }
        } else if percentage != nil, let node = fields["mirrorPercentage"] ?? fields["mirror_percent"] ?? fields["mirrorPercent"] {
            warning(node, "a mirror percentage without 'mirror' has no effect")
        }
        out += list(fields["mirrors"]) { reader, element in
            guard let entry = reader.mapping(element, FieldSet(["destination", "percentage"])) else { return nil }
            guard let destinationNode = entry["destination"] else {
                reader.error(element, "destination is required")
                return nil
            }
            guard let destination = reader.destination(destinationNode) else { return nil }
            let share = entry["percentage"].flatMap { reader.percentValue($0) } ?? 100
            return MirrorPolicy(destination: destination, percentage: share)
        }
        return out
    }

    /// Istio's `Percent` message: `{value: 12.5}`, within [0, 100].
    mutating func percentValue(_ node: PolicyNode) -> Double? {
        guard let fields = mapping(node, FieldSet(["value"])) else { return nil }
        guard let value = fields["value"] else {
            return 0
        }
        return percent(value)
    }
}
