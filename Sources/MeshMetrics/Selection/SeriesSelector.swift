/// A series selector as used by `match[]` parameters: `name`, `name{l="v",...}` or
/// `{l=~"re",...}`. The full PromQL grammar lives in the PromQL module; this is the
/// subset the exposition endpoints need, kept here so storage stays PromQL-free.
public struct SeriesSelector: Sendable, Hashable, CustomStringConvertible {
    public let matchers: [LabelMatcher]

    public init(matchers: [LabelMatcher]) {
        self.matchers = matchers
    }

    public init(parsing text: String) throws(SelectorError) {
        var scanner = SelectorScanner(Array(text.utf8))
        matchers = try scanner.parseSelector()
    }

    public var description: String {
        "{" + matchers.map(\.description).joined(separator: ",") + "}"
    }
}
