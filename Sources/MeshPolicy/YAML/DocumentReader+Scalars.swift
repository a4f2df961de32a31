import Yams

extension DocumentReader {
    /// Any scalar, read as written (`version: 1` is the string "1", as labels are).
    mutating func string(_ node: PolicyNode?) -> String? {
        guard let node else { return nil }
        guard let scalar = node.node.scalar else {
            error(node, "expected a string, got \(node.kindDescription)")
            return nil
        }
        return scalar.string
    }

    mutating func nonEmptyString(_ node: PolicyNode?) -> String? {
        guard let node, let value = string(node) else { return nil }
        if value.isEmpty {
            error(node, "must not be empty")
            return nil
        }
        return value
    }

    /// An integer in `range`; quoted digits are accepted, as protobuf's JSON mapping does.
    mutating func int(_ node: PolicyNode?, in range: ClosedRange<Int> = 0...Int(UInt32.max)) -> Int? {
        guard let node else { return nil }
        guard let text = node.node.scalar?.string, let value = Int(text.trimmingSpaces) else {
            error(node, "expected an integer, got \(describe(node))")
            return nil
        }
        guard range.contains(value) else {
            if value < 0 && range.lowerBound >= 0 {
                error(node, "must not be negative, got \(value)")
            } else {
                error(node, "must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
            }
            return nil
        }
        return value
    }

    mutating func double(_ node: PolicyNode?) -> Double? {
        guard let node else { return nil }
        guard let text = node.node.scalar?.string, let value = Double(text.trimmingSpaces), value.isFinite else {
            error(node, "expected a number, got \(describe(node))")
            return nil
        }
        return value
    }

    mutating func bool(_ node: PolicyNode?) -> Bool? {
        guard let node else { return nil }
        switch node.node.scalar?.string.lowercased() {
        case "true": return true
        case "false": return false
        default:
            error(node, "expected true or false, got \(describe(node))")
            return nil
        }
    }

    /// A percentage in [0, 100].
    mutating func percent(_ node: PolicyNode?) -> Double? {
        guard let node, let value = double(node) else { return nil }
        guard (0...100).contains(value) else {
            error(node, "percentage must be between 0 and 100, got \(formatNumber(value))")
            return nil
        }
        return value
    }

    /// An Istio duration (`1s`, `500ms`, `1.5s`, `1h30m`), not negative.
    mutating func duration(_ node: PolicyNode?) -> Duration? {
        guard let node, let text = string(node) else { return nil }
        switch IstioDuration.parse(text) {
        case .success(let duration):
            return duration
        case .failure(let problem):
            error(node, problem.message)
            return nil
        }
    }

    mutating func stringList(_ node: PolicyNode?) -> [String] {
        list(node) { reader, element in reader.string(element) }
    }

    /// A mapping of strings to strings (labels, header values).
    mutating func stringMap(_ node: PolicyNode?) -> [String: String] {
        guard let node, let mapping = anyMapping(node) else { return [:] }
        var out: [String: String] = [:]
        for (key, value) in mapping.entries {
            if let text = string(value) { out[key] = text }
        }
        return out
    }

    /// A bad value as a message quotes it.
    func describe(_ node: PolicyNode) -> String {
        if let scalar = node.node.scalar { return "'\(scalar.string)'" }
        return node.kindDescription
    }
}

func formatNumber(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}

extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
