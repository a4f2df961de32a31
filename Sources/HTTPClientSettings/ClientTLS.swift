/// Prometheus' `tls_config` of an HTTP client (here: a scrape job's): the CA that
/// verifies the server, a client certificate and key for mTLS, and verification off for
/// testing. (`server_name` is refused at load: the client verifies the URL's host.)
public struct ClientTLS: Sendable, Hashable {
    public var caFile: String?
    public var certFile: String?
    public var keyFile: String?
    public var insecureSkipVerify = false

    public init(caFile: String? = nil, certFile: String? = nil, keyFile: String? = nil, insecureSkipVerify: Bool = false) {
        self.caFile = caFile
        self.certFile = certFile
        self.keyFile = keyFile
        self.insecureSkipVerify = insecureSkipVerify
    }
}
