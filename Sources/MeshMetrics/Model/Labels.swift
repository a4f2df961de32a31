/// A canonical label set: sorted by name, names unique, empty values dropped
/// (Prometheus treats an empty label value as an absent label).
public struct Labels: Hashable, Sendable, Comparable, CustomStringConvertible {
    public static let metricName = "__name__"

    public private(set) var pairs: [Label]

    /// Builds a canonical set; for a repeated name the last value wins.
    public init(_ pairs: [Label]) {
        var sorted = pairs.filter { !$0.value.isEmpty }
        sorted.sort { $0.name < $1.name }
        var unique: [Label] = []
        unique.reserveCapacity(sorted.count)
        for pair in sorted {
            if let last = unique.last, last.name == pair.name {
                unique[unique.count - 1] = pair
            } else {
                unique.append(pair)
            }
        }
        self.pairs = unique
    }

    public init(_ dictionary: [String: String]) {
        self.init(dictionary.map { Label($0.key, $0.value) })
    }

    public init(name: String, _ rest: [String: String] = [:]) {
        var all = rest
        all[Labels.metricName] = name
        self.init(all)
    }

    public var metricName: String? { self[Labels.metricName] }
    public var isEmpty: Bool { pairs.isEmpty }
    public var count: Int { pairs.count }

    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Returns a copy with `name` set to `value` (removed when `value` is empty).
    public func setting(_ name: String, _ value: String) -> Labels {
        var copy = pairs.filter { $0.name != name }
        if !value.isEmpty { copy.append(Label(name, value)) }
        return Labels(copy)
    }

    public func removing(_ name: String) -> Labels {
        Labels(pairs.filter { $0.name != name })
    }

    /// Stable 64-bit hash (FNV-1a over name 0xff value 0xff ...), the same in every
    /// process, so it can be persisted as the series lookup key.
    public var stableHash: UInt64 {
        var hash = FNV1a()
        for pair in pairs {
            hash.add(pair.name)
            hash.add(byte: 0xff)
            hash.add(pair.value)
            hash.add(byte: 0xff)
        }
        return hash.value
    }

    /// Prometheus' notation: `name{a="b",c="d"}` with escaped values.
    public var description: String {
        var out = metricName ?? ""
        let rest = pairs.filter { $0.name != Labels.metricName }
        if rest.isEmpty && !out.isEmpty { return out }
        out += "{"
        out += rest.map { "\($0.name)=\"\(Labels.escape($0.value))\"" }.joined(separator: ",")
        out += "}"
        return out
    }

    /// Escapes a label value for the text exposition format: `\`, `"` and newline.
    public static func escape(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x5c || $0 == 0x22 || $0 == 0x0a }) else { return value }
        var out = ""
        out.reserveCapacity(value.utf8.count + 4)
        for ch in value.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    public static func < (lhs: Labels, rhs: Labels) -> Bool {
        for (a, b) in zip(lhs.pairs, rhs.pairs) where a != b {
            return a < b
        }
        return lhs.pairs.count < rhs.pairs.count
    }
}
