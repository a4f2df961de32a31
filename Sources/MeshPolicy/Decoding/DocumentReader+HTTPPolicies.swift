extension DocumentReader {
    static let retryFields = FieldSet(["attempts", "perTryTimeout", "retryOn"],
                                      unimplemented: ["retryRemoteLocalities", "retryIgnorePreviousHosts", "backoff"])

    mutating func httpRetry(_ node: PolicyNode) -> HTTPRetry? {
        guard let fields = mapping(node, Self.retryFields) else { return nil }
        guard let attempts = fields["attempts"].map({ int($0, in: 0...Int(Int32.max)) }) ?? 0 else { return nil }
        var retry = HTTPRetry(attempts: attempts, perTryTimeout: duration(fields["perTryTimeout"]))
        if let retryOnNode = fields["retryOn"], let text = string(retryOnNode) {
            retry.retryOn = retryConditions(text, node: retryOnNode)
        }
        if fields["attempts"] == nil && (fields.has("perTryTimeout") || fields.has("retryOn")) {
            warning(node, "'attempts' is not set, so no retry happens")
        }
        return retry
    }

    /// The comma list of `retryOn`: unknown values are errors, Envoy values MeshScope
    /// does not act on are warnings.
    private mutating func retryConditions(_ text: String, node: PolicyNode) -> [RetryCondition] {
        var out: [RetryCondition] = []
        for raw in text.split(separator: ",", omittingEmptySubsequences: false) {
            let value = String(raw).trimmingSpaces
            if value.isEmpty {
                error(node, "empty value in retryOn '\(text)'")
                continue
            }
            switch RetryCondition.parse(value) {
            case .known(let condition):
                if case .unsupported(let name) = condition {
                    warning(node, "retryOn '\(name)' is not implemented by MeshScope; it never triggers a retry")
                }
                out.append(condition)
            case .unknown(let name):
                error(node, "unknown retryOn value '\(name)' (known: 5xx, gateway-error, connect-failure, refused-stream, reset, retriable-4xx, a status code, or Envoy's other retry_on values)")
            }
        }
        return out
    }

    mutating func httpFault(_ node: PolicyNode) -> HTTPFault? {
        guard let fields = mapping(node, FieldSet(["delay", "abort"])) else { return nil }
        var fault = HTTPFault()
        if let delayNode = fields["delay"],
           let delay = mapping(delayNode, FieldSet(["fixedDelay", "percentage", "percent"], unimplemented: ["exponentialDelay"])) {
            if let fixed = delay["fixedDelay"] {
                if let value = duration(fixed) {
                    fault.delay = HTTPFault.Delay(fixedDelay: value, percentage: faultPercentage(delay) ?? 100)
                }
            } else if !delay.has("exponentialDelay") {
                error(delayNode, "delay needs 'fixedDelay'")
            }
        }
        if let abortNode = fields["abort"],
           let abort = mapping(abortNode, FieldSet(["httpStatus", "percentage"], unimplemented: ["grpcStatus", "http2Error"])) {
            if let status = abort["httpStatus"] {
                if let code = int(status, in: 200...599) {
                    fault.abort = HTTPFault.Abort(httpStatus: code, percentage: faultPercentage(abort) ?? 100)
                }
            } else if !abort.has("grpcStatus") && !abort.has("http2Error") {
                error(abortNode, "abort needs 'httpStatus'")
            }
        }
        if !fields.has("delay") && !fields.has("abort") {
            warning(node, "fault has neither delay nor abort")
        }
        return fault
    }

    /// `percentage: {value: 12.5}`, or the older integer `percent`; nil when neither is
    /// written (then every request is affected, as Istio does).
    private mutating func faultPercentage(_ fields: PolicyMapping) -> Double? {
        if let node = fields["percentage"] { return percentValue(node) }
        if let node = fields["percent"] { return int(node, in: 0...100).map(Double.init) }
        return nil
    }

    mutating func httpRewrite(_ node: PolicyNode) -> HTTPRewrite? {
        guard let fields = mapping(node, FieldSet(["uri", "authority"], unimplemented: ["uriRegexRewrite"])) else { return nil }
        let uri = string(fields["uri"])
        if let uri, !uri.hasPrefix("/"), let uriNode = fields["uri"] {
            warning(uriNode, "rewritten path '\(uri)' does not start with '/'")
        }
        return HTTPRewrite(uri: uri, authority: nonEmptyString(fields["authority"]))
    }

    mutating func httpRedirect(_ node: PolicyNode) -> HTTPRedirect? {
        guard let fields = mapping(node, FieldSet(["uri", "authority", "scheme", "port", "redirectCode"],
                                                  unimplemented: ["derivePort"])) else { return nil }
        var redirect = HTTPRedirect(uri: string(fields["uri"]), authority: nonEmptyString(fields["authority"]),
                                    scheme: nonEmptyString(fields["scheme"]), port: int(fields["port"], in: 1...65535))
        if let codeNode = fields["redirectCode"], let code = int(codeNode, in: 300...399) {
            redirect.redirectCode = code
        }
        return redirect
    }

    mutating func headerOperations(_ node: PolicyNode) -> HeaderOperations {
        guard let fields = mapping(node, FieldSet(["request", "response"])) else { return HeaderOperations() }
        return HeaderOperations(request: headerChanges(fields["request"]), response: headerChanges(fields["response"]))
    }

    private mutating func headerChanges(_ node: PolicyNode?) -> HeaderOperations.Changes {
        guard let node, let fields = mapping(node, FieldSet(["set", "add", "remove"])) else { return .init() }
        return .init(set: stringMap(fields["set"]), add: stringMap(fields["add"]), remove: stringList(fields["remove"]))
    }
}
