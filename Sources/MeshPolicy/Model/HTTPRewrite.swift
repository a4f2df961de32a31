/// Istio's `HTTPRewrite`: replaces the matched part of the path, and/or the authority,
/// before forwarding.
public struct HTTPRewrite: Sendable, Hashable {
    public var uri: String?
    public var authority: String?

    public init(uri: String? = nil, authority: String? = nil) {
        self.uri = uri
        self.authority = authority
    }
}
