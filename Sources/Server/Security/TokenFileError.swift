/// A token file that cannot be used; refuses the start or the reload.
public struct TokenFileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "token file \(path): \(reason)" }
}
