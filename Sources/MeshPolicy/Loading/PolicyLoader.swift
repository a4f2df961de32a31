import MeshMetrics
import Foundation
import Yams

/// Reads policy files: multi-document YAML holding Istio `VirtualService` and
/// `DestinationRule` documents, a MeshScope `ProxyConfig`, and any other kinds (reported
/// as not applied). Never throws: every problem becomes a finding.
public enum PolicyLoader {
    /// Larger inputs are refused rather than parsed (a policy file is kilobytes).
    public static let maximumBytes = 16 << 20

    public static func load(yaml: String, file: String) -> PolicyFile {
        var result = PolicyFile(file: file)
        if yaml.utf8.count > maximumBytes {
            result.findings.append(Finding(severity: .error, file: file,
                                           message: "file is larger than \(maximumBytes >> 20) MiB"))
            return result
        }
        var documents: YamlSequence<Node>
        do {
            documents = try compose_all(yaml: yaml)
        } catch {
            result.findings.append(syntaxFinding(error, file: file, documentIndex: nil))
            return result
        }
        var index = 0
        while let node = documents.next() {
            defer { index += 1 }
            guard let (document, findings) = decodeDocument(node, file: file, index: index) else { continue }
            result.documents.append(document)
            result.findings.append(contentsOf: findings)
        }
        if let error = documents.error {
            result.findings.append(syntaxFinding(error, file: file, documentIndex: index))
        }
        return result
    }

    /// Reads the file at `path` (named by its last path component in findings unless
    /// `displayName` says otherwise).
    public static func load(path: String, displayName: String? = nil) -> PolicyFile {
        let name = displayName ?? (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path) else {
            return PolicyFile(file: name, findings: [Finding(severity: .error, file: name, message: "cannot read \(path)")])
        }
        return load(bytes: [UInt8](data), file: name)
    }

    public static func load(bytes: [UInt8], file: String) -> PolicyFile {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return PolicyFile(file: file, findings: [Finding(severity: .error, file: file, message: "not UTF-8 text")])
        }
        return load(yaml: text, file: file)
    }

    /// Nil for an empty document (a comment-only section between `---` lines).
    static func decodeDocument(_ node: Node, file: String, index: Int) -> (PolicyDocument, [Finding])? {
        if case .scalar(let scalar) = node, scalar.string.isEmpty || PolicyNode(node: node, path: "").isNull {
            return nil
        }
        var reader = DocumentReader(file: file, documentIndex: index)
        let content = reader.document(PolicyNode(node: node, path: ""))
        let document = PolicyDocument(file: file, index: index, apiVersion: content.apiVersion, kind: reader.kind,
                                      name: reader.name, namespace: content.namespace, line: node.mark?.line,
                                      content: content.content, references: reader.references)
        return (document, reader.findings)
    }

    /// A YAML syntax error, located, without Yams' multi-line snippet.
    static func syntaxFinding(_ error: any Error, file: String, documentIndex: Int?) -> Finding {
        guard let yamlError = error as? YamlError else {
            return Finding(severity: .error, file: file, documentIndex: documentIndex, message: "YAML: \(error)")
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return Finding(severity: .error, file: file, documentIndex: documentIndex, line: mark.line,
                           column: mark.column, message: message)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Finding(severity: .error, file: file, documentIndex: documentIndex, line: context.mark.line,
                           column: context.mark.column, message: "YAML: duplicate key \(keys) in this mapping")
        case let .reader(problem, offset, _, yaml):
            let (line, column) = TextPosition.of(characterOffset: offset ?? 0, in: yaml)
            return Finding(severity: .error, file: file, documentIndex: documentIndex, line: line, column: column,
                           message: "YAML: \(problem)")
        default:
            return Finding(severity: .error, file: file, documentIndex: documentIndex, message: "YAML: \(yamlError)")
        }
    }
}
