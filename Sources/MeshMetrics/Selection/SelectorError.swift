/// A malformed series selector, with the 0-based byte offset where parsing stopped.
public struct SelectorError: Error, Sendable, CustomStringConvertible {
    public let position: Int
    public let message: String

    public init(position: Int, message: String) {
        self.position = position
        self.message = message
    }

    public var description: String { "parse error at char \(position + 1): \(message)" }
}
