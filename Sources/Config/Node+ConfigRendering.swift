import MeshMetrics
import Yams

/// Builders for rendering the effective configuration (`yamlDescription`).
/// Strings go through Yams' representer so that values such as `"true"`, `"123"`
/// or `"null"` come out quoted and read back as the same strings.
extension Node {
    static func text(_ value: String) -> Node {
        .scalar(value.represented())
    }

    static func number(_ value: Int) -> Node {
        .scalar(value.represented())
    }

    static func flag(_ value: Bool) -> Node {
        .scalar(value.represented())
    }

    static func duration(_ value: PromDuration) -> Node {
        .text(value.description)
    }

    static func list(_ elements: [Node]) -> Node {
        .sequence(Node.Sequence(elements))
    }

    /// A mapping in the given key order: the rendering follows the documented
    /// order of keys rather than an alphabetical one.
    static func section(_ pairs: [(String, Node)]) -> Node {
        .mapping(Node.Mapping(pairs.map { (Node.text($0.0), $0.1) }))
    }

    static func labels(_ labels: Labels) -> Node {
        .section(labels.pairs.map { ($0.name, .text($0.value)) })
    }
}
