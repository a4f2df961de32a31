import AsyncHTTPClient

extension HTTPClient.Configuration {
    /// The forwarders' client settings: a refused connection fails the attempt at once, so the
    /// queue's backoff and retry counters see an outage as it happens (a default client would
    /// hold the request, reconnecting, until its deadline).
    public static var forwarding: HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(5)
        return configuration
    }
}
