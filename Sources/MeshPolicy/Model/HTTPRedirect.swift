/// Istio's `HTTPRedirect`: answers the request with a redirect instead of forwarding it.
public struct HTTPRedirect: Sendable, Hashable {
    public var uri: String?
    public var authority: String?
    public var scheme: String?
    public var port: Int?
    /// 301 unless configured.
    public var redirectCode: Int

    public init(uri: String? = nil, authority: String? = nil, scheme: String? = nil, port: Int? = nil,
                redirectCode: Int = 301) {
        self.uri = uri
        self.authority = authority
        self.scheme = scheme
        self.port = port
        self.redirectCode = redirectCode
    }
}
