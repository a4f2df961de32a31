/// How a `ProxyServer` runs, beyond what the policy configures.
public struct ProxyServerOptions: Sendable {
    /// Address every listener binds (`0.0.0.0` to accept from other hosts).
    public var host: String
    /// How long a drain waits for in-flight requests before closing what is left.
    public var drainGracePeriod: Duration
    /// Request bodies up to this size are kept so retries and mirrors can resend them;
    /// larger ones stream through once.
    public var requestBodyBufferLimit: Int
    /// Mesh certificates for mTLS (inbound under PeerAuthentication, outbound per
    /// DestinationRule or auto mTLS); nil runs without TLS.
    public var meshTLS: MeshTLS?

    public init(host: String = "127.0.0.1", drainGracePeriod: Duration = .seconds(5),
                requestBodyBufferLimit: Int = 1 << 20, meshTLS: MeshTLS? = nil) {
        self.host = host
        self.drainGracePeriod = drainGracePeriod
        self.requestBodyBufferLimit = requestBodyBufferLimit
        self.meshTLS = meshTLS
    }
}
