/// The Kubernetes API lists discovery reads, with a selector each may be narrowed by.
public enum KubernetesResource: String, Sendable, Hashable, CaseIterable {
    case pods
    case services
    case endpoints

    /// `labelSelector` / `fieldSelector` of one list; several are joined with commas (AND).
    public struct Selector: Sendable, Hashable {
        public var label: String
        public var field: String

        public init(label: String = "", field: String = "") {
            self.label = label
            self.field = field
        }
    }
}
