/// A fully anchored regular expression (`^(?s:re)$`), as Prometheus compiles label regexes.
struct AnchoredPattern: Sendable {
    private let program: CompiledPattern
    /// Literal alternatives (`a|b|c`, what Grafana variables expand to) skip the regex
    /// engine and become a set lookup.
    private let literals: Set<String>?

    init(_ source: String) throws(SelectorError) {
        literals = AnchoredPattern.literalAlternatives(source)
        do {
            // Prometheus compiles `^(?s:re)$`: fully anchored, `.` matching newlines too.
            try RegexNestingError.check(source)
            program = CompiledPattern(try Regex("^(?s:" + source + ")$"))
        } catch {
            throw SelectorError(position: 0, message: "invalid regular expression \"\(source)\": \(error)")
        }
    }

    func matches(_ candidate: String) -> Bool {
        if let literals { return literals.contains(candidate) }
        return (try? program.regex.wholeMatch(in: candidate)) != nil
    }

    private static func literalAlternatives(_ source: String) -> Set<String>? {
        let special: Set<Character> = ["\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "^", "$"]
        guard !source.contains(where: { special.contains($0) }) else { return nil }
        return Set(source.split(separator: "|", omittingEmptySubsequences: false).map(String.init))
    }
}

/// Immutable after init; `Regex` matching does not mutate the program, so sharing it
/// across threads is safe even though `Regex` itself is not annotated `Sendable`.
final class CompiledPattern: @unchecked Sendable {
    let regex: Regex<AnyRegexOutput>
    init(_ regex: Regex<AnyRegexOutput>) { self.regex = regex }
}
