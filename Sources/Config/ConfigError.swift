import MeshMetrics
import Yams

/// A configuration problem, located in the file so it can be fixed without guessing:
/// `meshscope.yaml:12:5: scrape_configs[1].scrape_timeout: "20s" is greater than scrape_interval "15s"`.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or source name) the configuration came from.
    public var file: String
    /// 1-based line of the offending node; 0 when the problem has no position
    /// (an unreadable file, a command-line override).
    public var line: Int
    /// 1-based column, counted in Unicode scalars as libyaml does; 0 when unknown.
    public var column: Int
    /// Where in the document, e.g. `scrape_configs[1].scrape_timeout`; empty for
    /// problems of the file as a whole (syntax errors).
    public var path: String
    /// What is wrong, without the location.
    public var reason: String

    public init(file: String, line: Int, column: Int, path: String, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.reason = reason
    }

    public var description: String {
        var out = file
        if line > 0 {
            out += ":\(line)"
            if column > 0 { out += ":\(column)" }
        }
        out += ": "
        if !path.isEmpty { out += "\(path): " }
        return out + reason
    }
}

extension ConfigError {
    /// Translates a Yams error into a located one. Yams' own descriptions embed a
    /// snippet (or, for duplicate keys, the whole document), too much for one log line.
    init(yaml error: any Error, file: String) {
        guard let yamlError = error as? YamlError else {
            self.init(file: file, line: 0, column: 0, path: "", reason: "yaml: \(error)")
            return
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var reason = "yaml: \(problem)"
            if let context {
                reason += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            self.init(file: file, line: mark.line, column: mark.column, path: "", reason: reason)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            self.init(file: file, line: context.mark.line, column: context.mark.column, path: "",
                      reason: "yaml: duplicate key \(keys) (its first occurrence is here)")
        case let .reader(problem, offset, _, yaml):
            let (line, column) = TextPosition.of(characterOffset: offset ?? 0, in: yaml)
            self.init(file: file, line: line, column: column, path: "", reason: "yaml: \(problem)")
        default:
            self.init(file: file, line: 0, column: 0, path: "", reason: "yaml: \(yamlError)")
        }
    }
}
