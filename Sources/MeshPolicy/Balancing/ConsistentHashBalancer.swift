/// Ring-hash balancing on a request header (Istio's `consistentHash.httpHeaderName`):
/// one header value always reaches the same endpoint while the endpoint set is stable,
/// and removing an endpoint only moves the keys it held. Requests without the header
/// pick at random, as Envoy does when no hash key can be computed.
public struct ConsistentHashBalancer: Sendable, Hashable {
    public let headerName: String
    public let minimumRingSize: Int
    /// The endpoints the ring was built for; rebuilt when the set changes.
    private var ringEndpoints: [ServiceEndpoint] = []
    /// (hash, index into ringEndpoints), sorted by hash.
    private var ring: [RingEntry] = []

    private struct RingEntry: Sendable, Hashable {
        var hash: UInt64
        var endpoint: Int
    }

    public init(headerName: String, minimumRingSize: Int = LoadBalancerSettings.defaultRingSize) {
        self.headerName = headerName.lowercased()
        self.minimumRingSize = max(1, min(minimumRingSize, 1 << 20))
    }

    /// `headers` with lowercased names, as `RouteRequest` keeps them.
    public mutating func pick(from endpoints: [ServiceEndpoint], headers: [String: String],
                              using random: inout some RandomNumberGenerator) -> ServiceEndpoint? {
        guard !endpoints.isEmpty else { return nil }
        guard let key = headers[headerName] else { return endpoints.randomElement(using: &random) }
        if ringEndpoints != endpoints { rebuild(endpoints) }
        let hash = Self.hash(key)
        // First entry at or after the key's hash, wrapping around.
        var low = 0
        var high = ring.count
        while low < high {
            let mid = (low + high) / 2
            if ring[mid].hash < hash { low = mid + 1 } else { high = mid }
        }
        return ringEndpoints[ring[low == ring.count ? 0 : low].endpoint]
    }

    private mutating func rebuild(_ endpoints: [ServiceEndpoint]) {
        ringEndpoints = endpoints
        let replicas = (minimumRingSize + endpoints.count - 1) / endpoints.count
        ring = []
        ring.reserveCapacity(replicas * endpoints.count)
        for (index, endpoint) in endpoints.enumerated() {
            for replica in 0..<replicas {
                ring.append(RingEntry(hash: Self.hash("\(endpoint.address)_\(replica)"), endpoint: index))
            }
        }
        ring.sort { $0.hash < $1.hash }
    }

    /// FNV-1a, finished with SplitMix64's mixer so that similar keys spread over the ring.
    static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
