/// Envoy's consecutive-error outlier detection for one upstream cluster, driven by
/// explicit times. Each endpoint's consecutive 5xx (and gateway-error) count grows with
/// failures and resets on success; reaching the threshold ejects the endpoint at once
/// for `baseEjectionTime × times ejected`, unless that would eject more than
/// `maxEjectionPercent` of the endpoints (one may always be ejected). Ejected endpoints
/// return at the first `sweep` (every `interval`) after their time is up, and each sweep
/// that finds an endpoint healthy lowers its ejection multiplier again.
public struct OutlierDetector: Sendable, Hashable {
    public enum Event: Sendable, Hashable {
        case ejected(HostPort, until: Duration)
        /// Threshold reached but `maxEjectionPercent` did not allow it.
        case ejectionSkipped(HostPort)
    }

    private struct EndpointState: Sendable, Hashable {
        var consecutive5xx = 0
        var consecutiveGateway = 0
        /// Times ejected, the multiplier of the ejection time.
        var ejections = 0
        var ejectedUntil: Duration?
    }

    public let settings: OutlierDetectionSettings
    private var endpoints: [HostPort: EndpointState] = [:]

    /// `endpoints`: the cluster's current endpoints (the denominator of the percentage).
    public init(settings: OutlierDetectionSettings, endpoints: [HostPort]) {
        self.settings = settings
        for endpoint in endpoints { self.endpoints[endpoint] = EndpointState() }
    }

    /// Follows a change of the endpoint set, keeping what is known about the rest.
    public mutating func update(endpoints current: [HostPort]) {
        let keep = Set(current)
        endpoints = endpoints.filter { keep.contains($0.key) }
        for endpoint in current where endpoints[endpoint] == nil { endpoints[endpoint] = EndpointState() }
    }

    public func isEjected(_ endpoint: HostPort) -> Bool {
        endpoints[endpoint]?.ejectedUntil != nil
    }

    public var ejectedEndpoints: [HostPort] {
        endpoints.filter { $0.value.ejectedUntil != nil }.map(\.key).sorted { $0.description < $1.description }
    }

    /// The endpoints requests may use now.
    public func available(_ candidates: [ServiceEndpoint]) -> [ServiceEndpoint] {
        candidates.filter { !isEjected($0.address) }
    }

    /// Records how a request to `endpoint` ended; may eject it.
    public mutating func record(_ outcome: UpstreamOutcome, endpoint: HostPort, now: Duration) -> Event? {
        guard var state = endpoints[endpoint], state.ejectedUntil == nil else { return nil }
        let status = outcome.effectiveStatus
        if (500...599).contains(status) {
            state.consecutive5xx += 1
        } else {
            state.consecutive5xx = 0
        }
        if [502, 503, 504].contains(status) {
            state.consecutiveGateway += 1
        } else {
            state.consecutiveGateway = 0
        }
        let tripped5xx = settings.consecutive5xxErrors > 0 && state.consecutive5xx >= settings.consecutive5xxErrors
        let trippedGateway = settings.consecutiveGatewayErrors > 0 && state.consecutiveGateway >= settings.consecutiveGatewayErrors
        endpoints[endpoint] = state
        guard tripped5xx || trippedGateway else { return nil }
        return eject(endpoint, now: now)
    }

    private mutating func eject(_ endpoint: HostPort, now: Duration) -> Event {
        guard var state = endpoints[endpoint] else { return .ejectionSkipped(endpoint) }
        state.consecutive5xx = 0
        state.consecutiveGateway = 0
        let ejected = endpoints.values.filter { $0.ejectedUntil != nil }.count
        let percentAfter = Double(ejected + 1) * 100 / Double(endpoints.count)
        guard ejected == 0 || percentAfter <= Double(settings.maxEjectionPercent) else {
            endpoints[endpoint] = state
            return .ejectionSkipped(endpoint)
        }
        state.ejections += 1
        let until = now + settings.baseEjectionTime * state.ejections
        state.ejectedUntil = until
        endpoints[endpoint] = state
        return .ejected(endpoint, until: until)
    }

    /// The periodic review (call every `settings.interval`): re-admits endpoints whose
    /// ejection time is up and decays the multiplier of healthy ones. Returns the
    /// re-admitted endpoints.
    public mutating func sweep(now: Duration) -> [HostPort] {
        var readmitted: [HostPort] = []
        for (endpoint, var state) in endpoints {
            if let until = state.ejectedUntil {
                if now >= until {
                    state.ejectedUntil = nil
                    readmitted.append(endpoint)
                }
            } else if state.ejections > 0 && state.consecutive5xx == 0 && state.consecutiveGateway == 0 {
                state.ejections -= 1
            }
            endpoints[endpoint] = state
        }
        return readmitted.sorted { $0.description < $1.description }
    }

    /// How many times an endpoint has been ejected (decayed by healthy sweeps).
    public func ejectionCount(_ endpoint: HostPort) -> Int {
        endpoints[endpoint]?.ejections ?? 0
    }
}
