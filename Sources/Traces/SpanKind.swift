/// The primary span type, as `zipkin2.Span.Kind`. When present it says how to read
/// `remoteEndpoint`: the server called by a CLIENT, the client of a SERVER, the broker of a
/// PRODUCER or CONSUMER.
public enum SpanKind: String, Sendable, Hashable, CaseIterable {
    case client = "CLIENT"
    case server = "SERVER"
    case producer = "PRODUCER"
    case consumer = "CONSUMER"

    /// The proto3 enum number (`SPAN_KIND_UNSPECIFIED = 0` is "no kind").
    public var protoNumber: UInt64 {
        switch self {
        case .client: 1
        case .server: 2
        case .producer: 3
        case .consumer: 4
        }
    }

    /// Zipkin ignores unknown or unspecified proto kinds rather than rejecting the span.
    public init?(protoNumber: UInt64) {
        switch protoNumber {
        case 1: self = .client
        case 2: self = .server
        case 3: self = .producer
        case 4: self = .consumer
        default: return nil
        }
    }

    /// JSON spelling; exact and case-sensitive, as Java's `Kind.valueOf`.
    init?(jsonBytes p: UnsafeBufferPointer<UInt8>) {
        switch p.count {
        case 6:
            if Self.equal(p, "CLIENT") { self = .client; return }
            if Self.equal(p, "SERVER") { self = .server; return }
        case 8:
            if Self.equal(p, "PRODUCER") { self = .producer; return }
            if Self.equal(p, "CONSUMER") { self = .consumer; return }
        default: break
        }
        return nil
    }

    private static func equal(_ p: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
        guard p.count == s.utf8CodeUnitCount else { return false }
        let q = s.utf8Start
        for i in 0..<p.count where p[i] != q[i] { return false }
        return true
    }
}
