/// One policy file after loading: its documents and what decoding each one found.
public struct PolicyFile: Sendable, Hashable {
    public var file: String
    public var documents: [PolicyDocument]
    /// Syntax errors and per-document findings, in document order.
    public var findings: [Finding]

    public init(file: String, documents: [PolicyDocument] = [], findings: [Finding] = []) {
        self.file = file
        self.documents = documents
        self.findings = findings
    }
}
