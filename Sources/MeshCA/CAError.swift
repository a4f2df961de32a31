/// Why the authority refused a request or could not start. `message` is meant for the
/// caller (a 400's error text) and for logs.
public enum CAError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not a PEM `CERTIFICATE REQUEST`, or not DER that parses as one.
    case malformedCSR(String)
    /// The CSR's self-signature does not verify with its own public key.
    case badCSRSignature
    /// The CSR does not ask for exactly one SPIFFE URI SAN in the trust domain.
    case badIdentity(String)
    /// The public key type is not one the mesh accepts (P-256, P-384, RSA ≥ 2048).
    case unsupportedKey(String)
    /// A requested TTL out of range.
    case badTTL(String)
    /// The root on disk cannot be read, or written.
    case storage(String)

    public var description: String {
        switch self {
        case .malformedCSR(let why): "malformed CSR: \(why)"
        case .badCSRSignature: "CSR signature does not verify"
        case .badIdentity(let why): "CSR identity rejected: \(why)"
        case .unsupportedKey(let why): "unsupported public key: \(why)"
        case .badTTL(let why): "bad ttl: \(why)"
        case .storage(let why): "CA storage: \(why)"
        }
    }
}
