/// The network context of a node in the service graph, as `zipkin2.Endpoint`.
///
/// Normalisation (Zipkin's `Endpoint.Builder`):
/// - `serviceName` is lowercased (`Locale.ROOT`); empty means absent.
/// - `ipv4`/`ipv6` are parsed: text that is not an IP address is ignored (not an error), an
///   IPv4-mapped or -compatible IPv6 address (`::ffff:1.2.3.4`, `::1.2.3.4`) becomes `ipv4`,
///   and IPv6 is rewritten in Zipkin's compressed lowercase form (`2001:db8::c001`).
/// - `port` 0 or negative means absent; above 65535 is rejected (`invalid port N`).
/// - An endpoint with no field set is treated as absent by `Span`.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    public internal(set) var serviceName: String?
    public internal(set) var ipv4: String?
    public internal(set) var ipv6: String?
    public internal(set) var port: Int?

    /// No fields set; `Span` stores such an endpoint as `nil`.
    public static let empty = Endpoint()

    init() {}

    /// Builds an endpoint with Zipkin's normalisation. `ipv4` and `ipv6` are both parsed as
    /// `Endpoint.Builder.parseIp` does, so an IPv4 given as `ipv6` still lands in `ipv4`.
    public init(serviceName: String? = nil, ipv4: String? = nil, ipv6: String? = nil,
                port: Int? = nil) throws(SpanValidationError) {
        setServiceName(serviceName)
        if let ipv4 { _ = parseIP(ipv4) }
        if let ipv6 { _ = parseIP(ipv6) }
        if let port { try setPort(port, field: "port") }
    }

    public var isEmpty: Bool { serviceName == nil && ipv4 == nil && ipv6 == nil && port == nil }

    mutating func setServiceName(_ name: String?) {
        guard let name, !name.isEmpty else { serviceName = nil; return }
        serviceName = zipkinLowercased(name)
    }

    mutating func setPort(_ value: Int, field: String) throws(SpanValidationError) {
        if value > 0xffff { throw SpanValidationError(field: field, message: "invalid port \(value)") }
        port = value <= 0 ? nil : value
    }

    /// `Endpoint.Builder.parseIp(String)`: returns false, leaving the endpoint unchanged,
    /// when the text is not an IP address.
    @discardableResult
    mutating func parseIP(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        switch IPAddress.parse(text) {
        case .v4(let text)?:
            ipv4 = text
        case .v6(let bytes)?:
            if let v4 = IPAddress.embeddedV4(bytes) {
                ipv4 = IPAddress.formatV4(v4)
            } else {
                ipv6 = IPAddress.formatV6(bytes)
            }
        case nil:
            return false
        }
        return true
    }

    /// `Endpoint.Builder.parseIp(byte[])`: 4 bytes are IPv4, 16 bytes IPv6 (or an embedded
    /// IPv4); other lengths are ignored.
    @discardableResult
    mutating func parseIP(bytes: [UInt8]) -> Bool {
        if bytes.count == 4 {
            ipv4 = IPAddress.formatV4(bytes)
        } else if bytes.count == 16 {
            if let v4 = IPAddress.embeddedV4(bytes) {
                ipv4 = IPAddress.formatV4(v4)
            } else {
                ipv6 = IPAddress.formatV6(bytes)
            }
        } else {
            return false
        }
        return true
    }

    /// `Endpoint.Builder.merge`: fills only what is missing here.
    func merged(with other: Endpoint) -> Endpoint {
        var result = self
        if result.serviceName == nil { result.serviceName = other.serviceName }
        if result.ipv4 == nil { result.ipv4 = other.ipv4 }
        if result.ipv6 == nil { result.ipv6 = other.ipv6 }
        if result.port == nil { result.port = other.port }
        return result
    }

    /// Packed address bytes for proto3 (`Endpoint.ipv4Bytes()` / `ipv6Bytes()`).
    var ipv4Bytes: [UInt8]? { ipv4.flatMap { IPAddress.parseV4($0) } }
    var ipv6Bytes: [UInt8]? { ipv6.flatMap { IPAddress.parseV6($0) } }

    public var description: String {
        "Endpoint{serviceName=\(serviceName ?? "null"), ipv4=\(ipv4 ?? "null"), ipv6=\(ipv6 ?? "null"), port=\(port ?? 0)}"
    }
}

/// `String.toLowerCase(Locale.ROOT)`, without allocating for the common already-lowercase
/// ASCII case (service and span names are hot in the decoder).
func zipkinLowercased(_ s: String) -> String {
    var needs = false
    for b in s.utf8 where (b >= 0x41 && b <= 0x5A) || b >= 0x80 {
        needs = true
        break
    }
    return needs ? s.lowercased() : s
}
