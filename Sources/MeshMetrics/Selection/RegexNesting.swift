/// A guard run before handing a pattern to Swift's regex compiler, whose parser
/// recurses per nesting level and per member of a character class: about 10,000 nested
/// `[` or `(`, or a class of 14,000 `-`, overflow the stack and kill the process (both
/// found by `meshscope bench fuzz` on a PromQL matcher). Real patterns nest a handful of
/// levels and list a few dozen characters in a class; Go's RE2, which Prometheus uses,
/// refuses depth over 1,000.
public enum RegexNesting {
    public static let maxDepth = 100
    /// Bytes inside character classes (`[...]`, nested ones included) of one pattern.
    public static let maxClassBytes = 1024

    /// Nil when `source` nests groups and classes at most `maxDepth` deep, else the reason.
    public static func problem(_ source: String) -> String? {
        var depth = 0, deepest = 0, classDepth = 0, classBytes = 0
        var escaped = false
        for byte in source.utf8 {
            if classDepth > 0 {
                classBytes += 1
                if classBytes > maxClassBytes { return "character classes longer than \(maxClassBytes) bytes" }
            }
            if escaped { escaped = false; continue }
            switch byte {
            case UInt8(ascii: "\\"): escaped = true
            case UInt8(ascii: "("), UInt8(ascii: "["):
                depth += 1
                if byte == UInt8(ascii: "[") { classDepth += 1 }
                deepest = max(deepest, depth)
                if deepest > maxDepth { return "nested deeper than \(maxDepth) groups or classes" }
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                depth = max(0, depth - 1)
                if byte == UInt8(ascii: "]") { classDepth = max(0, classDepth - 1) }
            default: break
            }
        }
        return nil
    }
}

/// Thrown for a pattern `RegexNesting` refuses, so callers keep one error path.
public struct RegexNestingError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }

    /// Throws when `source` nests too deep.
    public static func check(_ source: String) throws(RegexNestingError) {
        if let problem = RegexNesting.problem(source) { throw RegexNestingError(problem) }
    }
}
