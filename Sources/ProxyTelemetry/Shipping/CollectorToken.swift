import Foundation

/// The collector's ingest token from `--collector-token-file`: the first non-blank line
/// that is not a `#` comment, the same rule the collector applies to its token files.
public enum CollectorToken {
    public static func read(_ path: String?) throws -> String? {
        guard let path else { return nil }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CollectorTokenError(description: "cannot read collector token file \(path): \(error.localizedDescription)")
        }
        let token = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty && !$0.hasPrefix("#") }
        guard let token else { throw CollectorTokenError(description: "collector token file \(path) holds no token") }
        return token
    }
}
