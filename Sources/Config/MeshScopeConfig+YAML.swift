import Yams

extension MeshScopeConfig {
    /// The effective configuration as YAML, every default spelled out, sections in
    /// their documented order — what `/api/v1/status/config` serves. Parsing it
    /// back yields an equal configuration.
    public var yamlDescription: String {
        let root = Node.section(Self.sectionTypes.map { ($0.key, $0.yamlNode(of: self)) })
        do {
            return try Yams.serialize(node: root, indent: 2, width: -1, allowUnicode: true)
        } catch {
            // The tree is built from plain strings, numbers and booleans; libyaml
            // only fails to emit on invalid events or memory exhaustion.
            return "# could not render configuration: \(error)\n"
        }
    }
}
