/// A relabel `regex`, compiled once as Prometheus does: `^(?s:re)$`, fully anchored,
/// `.` matching newlines. Matching is per Unicode scalar, like RE2's per-rune matching,
/// rather than Swift's default per-grapheme-cluster.
///
/// Differences from RE2 that remain: Swift's engine backtracks (no linear-time
/// guarantee) and accepts constructs RE2 rejects (look-around, back-references), so a
/// config using them loads here but not in Prometheus.
public struct RelabelRegex: Sendable, Hashable, CustomStringConvertible {
    public static let defaultSource = "(.*)"
    public static let `default` = try! RelabelRegex(defaultSource)

    /// As written in the config, without the anchoring.
    public let source: String
    private let program: RelabelProgram

    public init(_ source: String) throws(RelabelError) {
        self.source = source
        do {
            try RegexNestingError.check(source)
            let regex = try Regex("^(?s:" + source + ")$").matchingSemantics(.unicodeScalar)
            program = RelabelProgram(regex)
        } catch {
            throw RelabelError(field: "regex", "invalid regular expression \"\(source)\": \(error)")
        }
    }

    public var description: String { source }

    public static func == (lhs: RelabelRegex, rhs: RelabelRegex) -> Bool { lhs.source == rhs.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    public func matches(_ text: String) -> Bool {
        (try? program.regex.wholeMatch(in: text)) != nil
    }

    /// The groups of a whole match (index 0 is the match), nil when it does not match;
    /// a group that did not participate is nil, which expands to "" as in Go.
    func captures(_ text: String) -> (numbered: [String?], named: [String: String?])? {
        guard let match = try? program.regex.wholeMatch(in: text) else { return nil }
        var numbered: [String?] = []
        var named: [String: String?] = [:]
        for element in match.output {
            let value = element.substring.map(String.init)
            numbered.append(value)
            if let name = element.name { named[name] = value }
        }
        return (numbered, named)
    }
}

/// Immutable after init; matching never mutates the program, so sharing it across
/// tasks is safe although `Regex` itself is not annotated `Sendable`.
final class RelabelProgram: @unchecked Sendable {
    let regex: Regex<AnyRegexOutput>
    init(_ regex: Regex<AnyRegexOutput>) { self.regex = regex }
}
