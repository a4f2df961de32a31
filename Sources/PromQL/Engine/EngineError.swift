/// A query that parsed but cannot be evaluated, with Prometheus' error class.
public struct EngineError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable { case badData = "bad_data", execution, timeout, canceled }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind = .execution, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
