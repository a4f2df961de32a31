import Yams

/// An entry of `remote_write` or `span_forwarding`: decoded from one list element,
/// named uniquely within its list (each name has its own queue file).
protocol ForwardingEntry: Sendable, Hashable {
    /// The top-level key of the list.
    static var sectionKey: String { get }
    var endpoint: ForwardEndpoint { get }
    static func decode(_ node: ConfigNode) throws(ConfigError) -> Self
    var yamlNode: Node { get }
}

/// The `remote_write` or `span_forwarding` list as a section.
struct ForwardingSection<Entry: ForwardingEntry>: ConfigSection {
    static var key: String { Entry.sectionKey }
    var entries: [Entry] = []

    static func decode(_ node: ConfigNode, in _: MeshScopeConfig) throws(ConfigError) -> ForwardingSection {
        var section = ForwardingSection()
        for element in try node.list() {
            let entry = try Entry.decode(element)
            if section.entries.contains(where: { $0.endpoint.name == entry.endpoint.name }) {
                throw element.error("\(key) name \"\(entry.endpoint.name)\" is used twice (set distinct `name`s)")
            }
            section.entries.append(entry)
        }
        return section
    }

    var yamlNode: Node { .list(entries.map(\.yamlNode)) }
}
