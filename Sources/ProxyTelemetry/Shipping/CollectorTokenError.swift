/// `--collector-token-file` cannot be used.
public struct CollectorTokenError: Error, Sendable, CustomStringConvertible {
    public let description: String
}
