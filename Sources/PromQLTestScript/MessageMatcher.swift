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

/// The `expect` lines (and deprecated `eval_*` variants) of one eval.
public struct EvalExpectations: Sendable, Hashable {
    /// Non-empty: the query must fail and the error must satisfy every matcher
    /// (`expect fail`, `eval_fail`, `expected_fail_message`, `expected_fail_regexp`).
    public var fail: [MessageMatcher] = []
    /// `expect warn ...`: each must match some warning, and every warning must match one.
    public var warnings: [MessageMatcher] = []
    /// `expect info ...`: the same for info annotations.
    public var infos: [MessageMatcher] = []
    /// `eval_warn` / `eval_info`: at least one annotation of that kind.
    public var requiresWarning = false
    public var requiresInfo = false
    /// `expect no_warn` / `expect no_info`.
    public var noWarnings = false
    public var noInfos = false
    /// `expect ordered` / `eval_ordered`: vector results must come in the listed order.
    public var ordered = false

    public init() {}

    public var mustFail: Bool { !fail.isEmpty }

    public var hasAnnotationExpectations: Bool {
        !warnings.isEmpty || !infos.isEmpty || requiresWarning || requiresInfo || noWarnings || noInfos
    }
}
