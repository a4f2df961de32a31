import MeshMetrics

/// A regular expression compiled once at load time and matched against whole strings,
/// as Envoy's `safe_regex` matches (RE2 syntax; Swift's regex dialect reads the common
/// subset Istio users write).
///
/// Sendable proof: `regex` is a `let` never mutated after `init`. Swift's `Regex` is not
/// marked Sendable, but its only internal mutation is the lazily lowered program, which
/// the string-processing runtime publishes with an atomic compare-and-exchange, so
/// concurrent `wholeMatch` calls on one instance are safe.
public final class CompiledRegex: @unchecked Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let regex: Regex<AnyRegexOutput>

    /// Nil with the compiler's reason when the pattern is invalid.
    public static func compile(_ pattern: String) -> Result<CompiledRegex, RegexProblem> {
        do {
            try RegexNestingError.check(pattern)
            return .success(CompiledRegex(pattern: pattern, regex: try Regex(pattern)))
        } catch {
            return .failure(RegexProblem(message: "invalid regex '\(pattern)': \(error)"))
        }
    }

    private init(pattern: String, regex: Regex<AnyRegexOutput>) {
        self.pattern = pattern
        self.regex = regex
    }

    public func matchesWhole(_ text: String) -> Bool {
        (try? regex.wholeMatch(in: text)) != nil
    }

    public static func == (lhs: CompiledRegex, rhs: CompiledRegex) -> Bool { lhs.pattern == rhs.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }
    public var description: String { pattern }
}

public struct RegexProblem: Error, Sendable, Hashable {
    public let message: String
}
