extension ExpositionReader {
    private enum Keyword {
        case help, type, unit, eof, other

        var name: String {
            switch self {
            case .help: "HELP"
            case .type: "TYPE"
            case .unit: "UNIT"
            case .eof: "EOF"
            case .other: ""
            }
        }
    }

    private func keyword(_ from: Int, _ to: Int) -> Keyword {
        let length = to - from
        guard length == 3 || length == 4 else { return .other }
        let p = base + from
        if length == 3 { return p[0] == 0x45 && p[1] == 0x4f && p[2] == 0x46 ? .eof : .other }
        switch (p[0], p[1], p[2], p[3]) {
        case (0x48, 0x45, 0x4c, 0x50): return .help
        case (0x54, 0x59, 0x50, 0x45): return .type
        case (0x55, 0x4e, 0x49, 0x54): return .unit
        default: return .other
        }
    }

    /// A line starting with `#` (after blanks in the text format).
    mutating func readComment<Sink: ExpositionSink>(from hash: Int, into sink: inout Sink) throws {
        let keywordStart: Int
        if openMetrics {
            guard byte(hash + 1) == B.space else {
                throw fail(hash + 1, "expected ' ' after '#', got \(got(hash + 1))")
            }
            keywordStart = hash + 2
        } else {
            keywordStart = skipBlanks(hash + 1)
        }
        let keywordEnd = tokenEnd(keywordStart)
        let word = keyword(keywordStart, keywordEnd)
        switch (word, openMetrics) {
        case (.help, _), (.type, _), (.unit, true):
            break
        case (.eof, true):
            guard keywordEnd == lineEnd else { throw fail(keywordEnd, "unexpected \(got(keywordEnd)) after # EOF") }
            sawEOF = true
            return
        case (_, false):
            return // any other comment is ignored in the text format
        case (_, true):
            throw fail(keywordStart, "expected HELP, TYPE, UNIT or EOF after '# ', got \"\(excerpt(keywordStart, keywordEnd))\"")
        }

        let nameStart = openMetrics ? keywordEnd + 1 : skipBlanks(keywordEnd)
        guard nameStart > keywordEnd else {
            throw fail(keywordEnd, "expected metric name after \(word.name), got \(got(keywordEnd))")
        }
        let nameEnd = metricNameEnd(nameStart)
        guard nameEnd > nameStart else {
            throw fail(nameStart, "expected metric name after \(word.name), got \(got(nameStart))")
        }
        let separatorOK = nameEnd == lineEnd || (openMetrics ? base[nameEnd] == B.space : B.isBlank(base[nameEnd]))
        guard separatorOK else {
            throw fail(nameEnd, "unexpected \(got(nameEnd)) after metric name in \(word.name) line")
        }
        let name = text(nameStart, nameEnd)
        let rest = nameEnd == lineEnd ? lineEnd : (openMetrics ? nameEnd + 1 : skipBlanks(nameEnd))

        // Any metadata line ends a run of samples: the next sample resolves its family anew.
        lastNameCount = -1
        switch word {
        case .help:
            let help = try unescapeHelp(rest, lineEnd)
            try note(name, .help, at: nameStart)
            try sink.metadata(family: name, type: nil, help: help, unit: nil)
        case .type:
            let type = try metricType(rest, afterName: name)
            try note(name, .type(type), at: nameStart)
            try sink.metadata(family: name, type: type, help: nil, unit: nil)
        default:
            let unit = try unitName(rest, family: name)
            try note(name, .unit, at: nameStart)
            try sink.metadata(family: name, type: nil, help: nil, unit: unit)
        }
    }

    private mutating func note(_ name: String, _ kind: FamilyTracker.MetadataKind, at i: Int) throws {
        if let violation = families.noteMetadata(name, kind) { throw fail(i, violation) }
    }

    private func metricType(_ from: Int, afterName name: String) throws -> MetricType {
        let wordEnd = openMetrics ? lineEnd : tokenEnd(from)
        guard wordEnd > from else {
            throw fail(from, "expected metric type after \"\(name)\", got \(got(from))")
        }
        let word = text(from, wordEnd)
        let type: MetricType? = switch (word, openMetrics) {
        case ("untyped", false): .unknown
        case ("counter", _), ("gauge", _), ("histogram", _), ("summary", _): MetricType(rawValue: word)
        case ("gaugehistogram", true), ("stateset", true), ("info", true), ("unknown", true): MetricType(rawValue: word)
        default: nil
        }
        guard let type else { throw fail(from, "invalid metric type \"\(excerpt(from, wordEnd))\"") }
        let trailing = skipBlanks(wordEnd)
        guard trailing == lineEnd else { throw fail(trailing, "unexpected \(got(trailing)) after metric type") }
        return type
    }

    /// An OpenMetrics unit: metric-name characters, and the family name must end in `_unit`.
    private func unitName(_ from: Int, family: String) throws -> String {
        for i in from..<lineEnd where !B.isMetricNameChar(base[i]) {
            throw fail(i, "invalid character \(got(i)) in unit")
        }
        let unit = text(from, lineEnd)
        guard unit.isEmpty || family.hasSuffix("_" + unit) else {
            throw fail(from, "unit \"\(unit)\" is not a suffix of metric family \"\(family)\"")
        }
        return unit
    }

    /// HELP text: `\\` and `\n` (and `\"` in OpenMetrics) are unescaped; other
    /// backslashes are kept as written, as Prometheus' own scrape parsers do.
    private func unescapeHelp(_ from: Int, _ to: Int) throws -> String {
        var i = from
        while i < to {
            if base[i] >= 0x80 {
                let n = B.utf8ScalarLength(base, i, end: to)
                if n == 0 { throw fail(i, "invalid UTF-8 in HELP text") }
                i += n
            } else {
                i += 1
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(to - from)
        i = from
        while i < to {
            let c = base[i]
            if c == B.backslash && i + 1 < to {
                switch base[i + 1] {
                case B.backslash: bytes.append(B.backslash); i += 2; continue
                case 0x6e: bytes.append(B.newline); i += 2; continue
                case B.quote where openMetrics: bytes.append(B.quote); i += 2; continue
                default: break
                }
            }
            bytes.append(c)
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
