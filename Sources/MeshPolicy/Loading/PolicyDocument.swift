/// One YAML document of a policy file, decoded as far as it could be.
public struct PolicyDocument: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case virtualService(VirtualService)
        case destinationRule(DestinationRule)
        case proxyConfig(ProxyConfig)
        /// Applied to the inbound listener (see `PeerAuthenticationResolver`).
        case peerAuthentication(PeerAuthentication)
        /// A kind MeshScope reads but does not apply (Gateway, ServiceEntry, Deployment...).
        case notApplied
        /// Too broken to decode (not a mapping, no kind, no spec); findings say why.
        case invalid
    }

    public var file: String
    /// 0-based position in the file.
    public var index: Int
    public var apiVersion: String?
    public var kind: String?
    public var name: String?
    public var namespace: String?
    /// Line of the document's first node.
    public var line: Int?
    public var content: Content
    /// Destinations a VirtualService names, with their positions.
    public var references: [DestinationReference]

    public init(file: String, index: Int, apiVersion: String? = nil, kind: String? = nil, name: String? = nil,
                namespace: String? = nil, line: Int? = nil, content: Content, references: [DestinationReference] = []) {
        self.file = file
        self.index = index
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.line = line
        self.content = content
        self.references = references
    }

    /// A finding about this document as a whole or one of its fields.
    func finding(_ severity: Finding.Severity, path: String = "", line: Int? = nil, column: Int? = nil,
                 _ message: String) -> Finding {
        Finding(severity: severity, file: file, documentIndex: index, kind: kind, name: name, path: path,
                line: line ?? self.line, column: column, message: message)
    }
}
