import Yams

/// One top-level section of the configuration file.
///
/// Adding a section (`traces`, `logs`, `proxy`...) takes one new file: the section
/// type conforming to this protocol plus its accessor on `MeshScopeConfig`, and one
/// line in `MeshScopeConfig.sectionTypes`. Loading, unknown-key checks, equality
/// and `yamlDescription` then cover it without further edits.
protocol ConfigSection: Sendable, Equatable {
    /// The top-level key, e.g. `"storage"`.
    static var key: String { get }

    /// The section's value when its key is absent or null.
    init()

    /// Reads and validates the section. `config` holds the sections listed before
    /// this one in `MeshScopeConfig.sectionTypes`, already decoded, for sections
    /// that inherit defaults (scrape configs inherit from `global`).
    static func decode(_ node: ConfigNode, in config: MeshScopeConfig) throws(ConfigError) -> Self

    /// The effective section as YAML, every default spelled out.
    var yamlNode: Node { get }
}

extension ConfigSection {
    /// Decodes this section from the document root into `config`, if present.
    static func load(from root: ConfigMapping, into config: inout MeshScopeConfig) throws(ConfigError) {
        guard let node = root[key] else { return }
        config[section: Self.self] = try decode(node, in: config)
    }

    /// Equality of this section in two configs, for `MeshScopeConfig.==`, which
    /// cannot compare existential sections directly.
    static func isEqual(in lhs: MeshScopeConfig, and rhs: MeshScopeConfig) -> Bool {
        lhs[section: Self.self] == rhs[section: Self.self]
    }

    static func yamlNode(of config: MeshScopeConfig) -> Node {
        config[section: Self.self].yamlNode
    }
}
