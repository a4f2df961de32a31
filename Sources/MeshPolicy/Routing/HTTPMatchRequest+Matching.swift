extension HTTPMatchRequest {
    /// Whether a request meets every condition of this entry. `port` is the destination
    /// port addressed; `source` the calling workload (this proxy's).
    public func matches(_ request: RouteRequest, port: Int, source: WorkloadIdentity) -> Bool {
        if let uri, !uri.matches(String(request.pathOnly), ignoreCase: ignoreURICase) { return false }
        if let scheme, !scheme.matches(request.scheme) { return false }
        if let method, !method.matches(request.method) { return false }
        if let authority, !authority.matches(request.authority) { return false }
        if let expected = self.port, expected != port { return false }
        for (name, condition) in headers where !condition.isSatisfied(by: request.headers[name]) { return false }
        for (name, condition) in withoutHeaders where condition.isSatisfied(by: request.headers[name]) { return false }
        if !queryParams.isEmpty {
            let parameters = request.queryParameters
            for (name, condition) in queryParams where !condition.isSatisfied(by: parameters[name]) { return false }
        }
        if !sourceLabels.allSatisfy({ source.labels[$0.key] == $0.value }) { return false }
        if let sourceNamespace, sourceNamespace != source.namespace { return false }
        return true
    }
}
