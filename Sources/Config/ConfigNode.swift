import MeshMetrics
import Yams

/// A YAML node together with its path in the document and the file it came from,
/// so that every accessor can fail with an error that points at the node itself.
///
/// YAML's `null` (an empty value, `~`, `null`) is treated everywhere as "not set":
/// `global:` with nothing under it means the defaults, as in Prometheus.
struct ConfigNode {
    let node: Node
    /// e.g. `scrape_configs[0].static_configs[1].targets[2]`.
    let path: String
    let file: String
    /// Where errors about this node point. For the value of a mapping entry it is
    /// the key: `scrape_timeout: 20s` is reported at `scrape_timeout`, and a block
    /// value of the wrong type at the line naming it rather than the line below.
    let errorMark: Mark?

    init(node: Node, path: String, file: String, errorMark: Mark? = nil) {
        self.node = node
        self.path = path
        self.file = file
        self.errorMark = errorMark ?? node.mark
    }

    func error(_ reason: String) -> ConfigError {
        ConfigError(file: file, line: errorMark?.line ?? 0, column: errorMark?.column ?? 0,
                    path: path, reason: reason)
    }

    /// The resolved tag (`!!null`, `!!bool`, `!!int`, `!!str`...): plain scalars
    /// are typed by what they look like, quoted ones are always strings.
    private var tagName: Tag.Name {
        Tag.Name(rawValue: node.tag.rawValue)
    }

    var isNull: Bool {
        node.scalar != nil && tagName == .null
    }

    /// For "expected a mapping, got a list" messages.
    var kindDescription: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar:
            switch tagName {
            case .null: return "null"
            case .bool: return "a boolean"
            case .int, .float: return "a number"
            default: return "a string"
            }
        }
    }

    func child(_ node: Node, path: String, errorMark: Mark? = nil) -> ConfigNode {
        ConfigNode(node: node, path: path, file: file, errorMark: errorMark)
    }

    // MARK: Scalars

    /// Any scalar, read as written: a job named `123` is the string "123".
    func string() throws(ConfigError) -> String {
        guard let scalar = node.scalar else { throw error("expected a string, got \(kindDescription)") }
        return scalar.string
    }

    func nonEmptyString() throws(ConfigError) -> String {
        let value = try string()
        if value.isEmpty { throw error("must not be empty") }
        return value
    }

    func bool() throws(ConfigError) -> Bool {
        guard tagName == .bool, let value = node.bool else {
            throw error("expected true or false, got \(describedValue)")
        }
        return value
    }

    /// A non-negative integer; sizes and limits are never negative.
    func count() throws(ConfigError) -> Int {
        guard tagName == .int else { throw error("expected an integer, got \(describedValue)") }
        guard let value = node.int else { throw error("integer out of range: \(describedValue)") }
        if value < 0 { throw error("must not be negative, got \(value)") }
        return value
    }

    func duration() throws(ConfigError) -> PromDuration {
        guard let scalar = node.scalar, tagName != .null else {
            throw error("expected a duration such as \"15s\", got \(kindDescription)")
        }
        do {
            return try PromDuration(parsing: scalar.string)
        } catch let durationError {
            throw error(durationError.description)
        }
    }

    /// One of a closed set of words (`normal`/`full`, `http`/`https`).
    func choice<T: RawRepresentable & CaseIterable>(of _: T.Type) throws(ConfigError) -> T
    where T.RawValue == String {
        let value = try string()
        if let choice = T(rawValue: value) { return choice }
        let allowed = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
        throw error("\"\(value)\" is not one of \(allowed)")
    }

    /// A scalar quoted, anything else named by its kind.
    private var describedValue: String {
        if let scalar = node.scalar, tagName != .null { return "\"\(scalar.string)\"" }
        return kindDescription
    }

    // MARK: Collections

    /// Elements of a list; null is an empty list.
    func list() throws(ConfigError) -> [ConfigNode] {
        if isNull { return [] }
        guard let sequence = node.sequence else { throw error("expected a list, got \(kindDescription)") }
        return sequence.enumerated().map { child($0.element, path: "\(path)[\($0.offset)]") }
    }

    func stringList() throws(ConfigError) -> [String] {
        var out: [String] = []
        for element in try list() { out.append(try element.string()) }
        return out
    }

    /// A mapping whose keys are checked against `allowed`: an unknown key is an
    /// error (as in Prometheus), so a typo cannot silently fall back to a default.
    func mapping(allowed: [String]) throws(ConfigError) -> ConfigMapping {
        let mapping = try ConfigMapping(self)
        try mapping.rejectUnknownKeys(allowed: allowed)
        return mapping
    }

    /// A label set written as a mapping; names are validated, null values are empty.
    func labels() throws(ConfigError) -> Labels {
        let mapping = try ConfigMapping(self)
        var pairs: [Label] = []
        for entry in mapping.entries {
            try LabelName.validate(entry.name, at: entry.key)
            let value = entry.value.isNull ? "" : try entry.value.string()
            pairs.append(Label(entry.name, value))
        }
        return Labels(pairs)
    }
}
