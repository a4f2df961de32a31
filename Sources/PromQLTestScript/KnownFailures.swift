/// Evals allowed to fail for now, one per line as `file:line reason`
/// (`aggregators.test:123 stddev rounding`); blank lines and `#` comments are ignored.
/// `Summary.failureListing` prints current failures in this format.
public struct KnownFailures: Sendable, Hashable {
    public struct Entry: Sendable, Hashable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var reason: String

        public init(file: String, line: Int, reason: String = "") {
            self.file = file
            self.line = line
            self.reason = reason
        }

        public var description: String { reason.isEmpty ? "\(file):\(line)" : "\(file):\(line) \(reason)" }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    public static func parse(_ text: String, file: String = "known failures") throws(ScriptError) -> KnownFailures {
        var entries: [Entry] = []
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = ScriptReader.trim(rawLine)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let (location, reason) = ScriptReader.splitWord(line)
            guard let colon = location.lastIndex(of: ":"),
                  let number = Int(location[location.index(after: colon)...]), number > 0,
                  colon > location.startIndex else {
                throw ScriptError(file: file, line: offset + 1, "expected \"file:line reason\", got \"\(line)\"")
            }
            entries.append(Entry(file: String(location[..<colon]), line: number, reason: String(reason)))
        }
        return KnownFailures(entries)
    }

    /// Whether `file` (compared by last path component) and `line` are listed.
    public func contains(file: String, line: Int) -> Bool {
        let name = KnownFailures.baseName(file)
        return entries.contains { KnownFailures.baseName($0.file) == name && $0.line == line }
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
