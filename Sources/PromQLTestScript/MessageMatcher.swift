/// How an `expect fail|warn|info` line matches an error or annotation message:
/// `msg:` is an exact comparison, `regex:` an unanchored search (Go's `MatchString`),
/// and a bare `expect fail` accepts anything.
public struct MessageMatcher: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case any
        case exact(String)
        case regex(String)
    }

    public var kind: Kind

    public init(_ kind: Kind) {
        self.kind = kind
    }

    public static let any = MessageMatcher(.any)

    /// Checks the pattern compiles, so a bad `regex:` is a script error up front.
    /// Swift's regex syntax is close to RE2's for what the scripts use.
    public static func regex(_ pattern: String) throws(ScriptError) -> MessageMatcher {
        do {
            _ = try Regex(pattern)
        } catch {
            throw ScriptError("invalid regex \(pattern): \(error)")
        }
        return MessageMatcher(.regex(pattern))
    }

    public func matches(_ message: String) -> Bool {
        switch kind {
        case .any:
            return true
        case .exact(let expected):
            return message == expected
        case .regex(let pattern):
            // Compiled per use: `Regex` is not Sendable, and these run once per eval.
            guard let regex = try? Regex(pattern) else { return false }
            return message.contains(regex)
        }
    }

    public var description: String {
        switch kind {
        case .any: "any message"
        case .exact(let text): "message \"\(text)\""
        case .regex(let pattern): "pattern \"\(pattern)\""
        }
    }
}
