/// The outcome of validating policy files: every finding, errors first within each file
/// as they were found. A configuration with any error must not be applied.
public struct Validation: Sendable, Hashable, CustomStringConvertible {
    public var findings: [Finding]

    public init(findings: [Finding] = []) {
        self.findings = findings
    }

    public var errors: [Finding] { findings.filter { $0.severity == .error } }
    public var warnings: [Finding] { findings.filter { $0.severity == .warning } }
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    public mutating func append(contentsOf other: Validation) {
        findings.append(contentsOf: other.findings)
    }

    /// One finding a line, in file order.
    public var description: String {
        findings.map(\.description).joined(separator: "\n")
    }
}

/// How much of the mesh a validation sees. A route may name a subset that a
/// DestinationRule in another file defines, so a file checked on its own can only
/// warn about it; the whole configuration set is the one place to call it an error.
public enum ValidationScope: Sendable, Hashable {
    /// One file on its own (`meshscope proxy --validate FILE`, the examples folder).
    case singleFile
    /// Every file the proxy will apply, together.
    case wholeConfig
}
