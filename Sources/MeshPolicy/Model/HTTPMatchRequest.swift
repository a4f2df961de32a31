/// One `match` entry of an HTTP route. Every condition set must hold (AND); a route
/// matches when any of its entries does (OR), or always when it has none.
public struct HTTPMatchRequest: Sendable, Hashable {
    public var name: String?
    public var uri: StringMatch?
    public var scheme: StringMatch?
    public var method: StringMatch?
    public var authority: StringMatch?
    /// Lowercased header name → condition.
    public var headers: [String: ValueCondition]
    /// Headers that must be absent, or present without matching.
    public var withoutHeaders: [String: ValueCondition]
    public var queryParams: [String: ValueCondition]
    /// The port the request arrived on.
    public var port: Int?
    public var ignoreURICase: Bool
    /// Labels the calling workload must carry, and its namespace.
    public var sourceLabels: [String: String]
    public var sourceNamespace: String?

    public init(name: String? = nil, uri: StringMatch? = nil, scheme: StringMatch? = nil,
                method: StringMatch? = nil, authority: StringMatch? = nil,
                headers: [String: ValueCondition] = [:], withoutHeaders: [String: ValueCondition] = [:],
                queryParams: [String: ValueCondition] = [:], port: Int? = nil, ignoreURICase: Bool = false,
                sourceLabels: [String: String] = [:], sourceNamespace: String? = nil) {
        self.name = name
        self.uri = uri
        self.scheme = scheme
        self.method = method
        self.authority = authority
        self.headers = headers
        self.withoutHeaders = withoutHeaders
        self.queryParams = queryParams
        self.port = port
        self.ignoreURICase = ignoreURICase
        self.sourceLabels = sourceLabels
        self.sourceNamespace = sourceNamespace
    }
}
