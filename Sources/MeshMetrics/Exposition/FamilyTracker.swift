/// Which metric family each line belongs to, and the rules about metadata order:
/// one TYPE (and HELP, UNIT) per family, metadata before samples, and in OpenMetrics
/// no family may reappear once another has started.
struct FamilyTracker {
    struct Family {
        var type: MetricType?
        var hasHelp = false
        var hasUnit = false
        var hasSamples = false
    }

    enum MetadataKind {
        case type(MetricType), help, unit
    }

    /// What a sample resolved to: its family and whether it may carry an exemplar.
    struct Resolution {
        var family: String
        var allowsExemplar: Bool
    }

    let openMetrics: Bool
    private var known: [String: Family] = [:]
    private(set) var current = ""
    private var currentBytes: [UInt8] = []
    private var currentType: MetricType?

    init(openMetrics: Bool) {
        self.openMetrics = openMetrics
    }

    /// Records a HELP/TYPE/UNIT line; returns the rule it breaks, if any.
    mutating func noteMetadata(_ name: String, _ kind: MetadataKind) -> String? {
        let isCurrent = name == current && !current.isEmpty
        var family = known[name] ?? Family()
        if known[name] != nil && !isCurrent && openMetrics {
            return "metric family \"\(name)\" already appeared earlier; families must not be interleaved"
        }
        switch kind {
        case .type(let type):
            if family.type != nil { return "second TYPE line for metric family \"\(name)\"" }
            if family.hasSamples { return "TYPE line for metric family \"\(name)\" after its samples" }
            family.type = type
        case .help:
            if family.hasHelp { return "second HELP line for metric family \"\(name)\"" }
            if openMetrics && family.hasSamples { return "HELP line for metric family \"\(name)\" after its samples" }
            family.hasHelp = true
        case .unit:
            if family.hasUnit { return "second UNIT line for metric family \"\(name)\"" }
            if family.hasSamples { return "UNIT line for metric family \"\(name)\" after its samples" }
            family.hasUnit = true
        }
        known[name] = family
        makeCurrent(name, family.type)
        return nil
    }

    /// Finds the family of a sample named `name`. Cheap when it belongs to the current
    /// family; otherwise looks for an earlier family (an error in OpenMetrics) or starts
    /// an untyped one named after the sample.
    mutating func resolve(sample name: UnsafeBufferPointer<UInt8>) -> Result<Resolution, FamilyViolation> {
        if !current.isEmpty, let suffix = suffixMatch(name, family: currentBytes, type: currentType) {
            known[current]?.hasSamples = true
            return .success(Resolution(family: current, allowsExemplar: allowsExemplar(suffix, currentType)))
        }
        let string = String(decoding: name, as: UTF8.self)
        for (candidate, suffix) in candidates(string) {
            guard let family = known[candidate] else { continue }
            guard suffix.isEmpty || Self.suffixes(family.type, openMetrics).contains(suffix) else { continue }
            if openMetrics {
                return .failure(FamilyViolation(message:
                    "sample of metric family \"\(candidate)\" after another family started; families must not be interleaved"))
            }
            known[candidate]?.hasSamples = true
            makeCurrent(candidate, family.type)
            return .success(Resolution(family: candidate, allowsExemplar: false))
        }
        known[string] = Family(type: nil, hasSamples: true)
        makeCurrent(string, nil)
        return .success(Resolution(family: string, allowsExemplar: false))
    }

    private mutating func makeCurrent(_ name: String, _ type: MetricType?) {
        if name != current {
            current = name
            currentBytes = Array(name.utf8)
        }
        currentType = type
    }

    /// The sample's own name and, for each known suffix it ends with, the name without it.
    private func candidates(_ name: String) -> [(String, [UInt8])] {
        var result: [(String, [UInt8])] = [(name, [])]
        let bytes = Array(name.utf8)
        for suffix in Self.allSuffixes where bytes.count > suffix.count && bytes.suffix(suffix.count).elementsEqual(suffix) {
            result.append((String(decoding: bytes.dropLast(suffix.count), as: UTF8.self), suffix))
        }
        return result
    }

    /// The suffix by which `name` extends `family` (empty when equal), if the type allows it.
    private func suffixMatch(_ name: UnsafeBufferPointer<UInt8>, family: [UInt8], type: MetricType?) -> [UInt8]? {
        guard name.count >= family.count else { return nil }
        let prefixMatches = family.withUnsafeBufferPointer { f in
            f.isEmpty || ExpositionBytes.equal(name.baseAddress!, f.baseAddress!, f.count)
        }
        guard prefixMatches else { return nil }
        if name.count == family.count { return [] }
        let rest = UnsafeBufferPointer(rebasing: name[family.count...])
        return Self.suffixes(type, openMetrics).first { $0.elementsEqual(rest) }
    }

    private func allowsExemplar(_ suffix: [UInt8], _ type: MetricType?) -> Bool {
        guard openMetrics else { return false }
        switch type {
        case .counter: return suffix.elementsEqual("_total".utf8)
        case .histogram, .gaugehistogram: return suffix.elementsEqual("_bucket".utf8)
        default: return false
        }
    }

    private static let allSuffixes: [[UInt8]] =
        ["_total", "_created", "_bucket", "_count", "_sum", "_gcount", "_gsum", "_info"].map { Array($0.utf8) }
    private static let textHistogram: [[UInt8]] = ["_bucket", "_count", "_sum"].map { Array($0.utf8) }
    private static let textSummary: [[UInt8]] = ["_count", "_sum"].map { Array($0.utf8) }
    private static let omCounter: [[UInt8]] = ["_total", "_created"].map { Array($0.utf8) }
    private static let omHistogram: [[UInt8]] = ["_bucket", "_count", "_sum", "_created"].map { Array($0.utf8) }
    private static let omGaugeHistogram: [[UInt8]] = ["_bucket", "_gcount", "_gsum"].map { Array($0.utf8) }
    private static let omSummary: [[UInt8]] = ["_count", "_sum", "_created"].map { Array($0.utf8) }
    private static let omInfo: [[UInt8]] = [Array("_info".utf8)]

    /// Sample-name suffixes a family of `type` owns (text 0.0.4 counters own none).
    static func suffixes(_ type: MetricType?, _ openMetrics: Bool) -> [[UInt8]] {
        switch (type, openMetrics) {
        case (.histogram?, false): textHistogram
        case (.summary?, false): textSummary
        case (.counter?, true): omCounter
        case (.histogram?, true): omHistogram
        case (.gaugehistogram?, true): omGaugeHistogram
        case (.summary?, true): omSummary
        case (.info?, true): omInfo
        default: []
        }
    }
}
