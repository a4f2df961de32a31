import Foundation

/// The tokens of one route class, resolved from literal tokens and token files. A value
/// type: a reload builds a new one and swaps it in whole.
public struct BearerTokens: Sendable, Equatable {
    public private(set) var tokens: [[UInt8]]

    public init(_ tokens: [String]) {
        self.tokens = tokens.filter { !$0.isEmpty }.map { Array($0.utf8) }
    }

    /// No token: the class is open.
    public var isEmpty: Bool { tokens.isEmpty }

    /// Literal tokens plus every non-blank, non-`#` line of each file. A file that cannot
    /// be read is an error, so a typo never silently opens a class.
    public static func load(tokens: [String], files: [String]) throws(TokenFileError) -> BearerTokens {
        var all = tokens
        for file in files {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw TokenFileError(path: file, reason: "\(error.localizedDescription)")
            }
            let lines = text.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
            if lines.isEmpty { throw TokenFileError(path: file, reason: "holds no token") }
            all += lines
        }
        return BearerTokens(all)
    }

    /// True when `candidate` equals one of the tokens. Every token is compared over its
    /// whole length whatever matched, so the time taken says nothing about which bytes
    /// (or which token) were right; only the number of configured tokens shows.
    public func contains(_ candidate: some Collection<UInt8>) -> Bool {
        let candidate = Array(candidate)
        var found: UInt8 = 0
        for token in tokens {
            found |= Self.constantTimeEqual(token, candidate)
        }
        return found == 1
    }

    /// 1 when equal, else 0, in time depending only on the lengths.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> UInt8 {
        var difference = UInt64(a.count ^ b.count)
        let length = max(a.count, b.count)
        for index in 0..<length {
            let x = index < a.count ? a[index] : 0
            let y = index < b.count ? b[index] : 0
            difference |= UInt64(x ^ y)
        }
        return difference == 0 ? 1 : 0
    }
}
