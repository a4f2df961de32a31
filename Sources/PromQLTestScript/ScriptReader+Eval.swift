/// `eval` blocks: the header line, then `expect` lines and expected results up to a
/// blank line. As in promqltest, a bare-number line (the expected scalar) and the
/// deprecated `expected_fail_*` lines end the block on their own.
extension ScriptReader {
    mutating func readEval() throws(ScriptError) -> EvalCommand {
        var eval = try ScriptReader.evalHeader(lines[index], line: index + 1)
        let legacyFail = eval.expectations.mustFail
        var expectFailLines = 0
        index += 1
        while index < lines.count, !lines[index].isEmpty {
            let line = lines[index]
            index += 1
            do throws(ScriptError) {
                if legacyFail, line.hasPrefix("expected_fail_message") {
                    let message = ScriptReader.trim(line.dropFirst("expected_fail_message".count))
                    eval.expectations.fail.append(MessageMatcher(.exact(String(message))))
                    break
                }
                if legacyFail, line.hasPrefix("expected_fail_regexp") {
                    let pattern = ScriptReader.trim(line.dropFirst("expected_fail_regexp".count))
                    eval.expectations.fail.append(try MessageMatcher.regex(String(pattern)))
                    break
                }
                if line.hasPrefix("expect range vector") {
                    eval.expectedRangeVector = try ScriptReader.rangeVectorGrid(line)
                } else if line.hasPrefix("expect string") {
                    eval.expectedString = try ScriptReader.expectedString(line)
                } else if line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).first == "expect" {
                    try ScriptReader.applyExpect(line, to: &eval.expectations, failLines: &expectFailLines)
                } else if let scalar = GoNumber.parse(line) {
                    eval.expectedScalar = scalar
                    break
                } else {
                    let series = try SeriesDescription.parse(line)
                    if eval.isInstant, series.values.count > 1, eval.expectedRangeVector == nil {
                        throw ScriptError("expecting multiple values in instant evaluation not allowed. consider using 'expect range vector' directive to enable a range vector result for an instant query")
                    }
                    // Expected results are keyed by label set in promqltest: a repeat replaces.
                    if let existing = eval.expectedSeries.firstIndex(where: { $0.labels == series.labels }) {
                        eval.expectedSeries[existing] = series
                    } else {
                        eval.expectedSeries.append(series)
                    }
                }
            } catch {
                throw error.located(file: file, line: index)
            }
        }
        return eval
    }

    /// `eval[_fail|_warn|_info|_ordered] instant at <time> <query>` or
    /// `eval[_fail|_warn|_info] range from <start> to <end> step <step> <query>`.
    static func evalHeader(_ text: String, line: Int) throws(ScriptError) -> EvalCommand {
        let invalid = ScriptError("invalid evaluation command. Must be either 'eval[_fail|_warn|_ordered] instant [at <offset:duration>] <query>' or 'eval[_fail|_warn] range from <from> to <to> step <step> <query>'")
        let modifiers = ["eval": "", "eval_fail": "fail", "eval_warn": "warn", "eval_info": "info", "eval_ordered": "ordered"]
        var (word, rest) = splitWord(Substring(text))
        guard let modifier = modifiers[String(word)] else { throw invalid }
        (word, rest) = splitWord(rest)
        var eval: EvalCommand
        switch word {
        case "instant":
            let (at, afterAt) = splitWord(rest)
            let (time, query) = splitWord(afterAt)
            guard at == "at", !time.isEmpty, !query.isEmpty else { throw invalid }
            let millis: Int64
            do throws(ScriptError) {
                millis = try PromDuration.milliseconds(time)
            } catch {
                throw ScriptError("invalid timestamp definition \"\(time)\": \(error.message)")
            }
            eval = EvalCommand(line: line, query: String(query), timing: .instant(at: millis))
        case "range" where modifier != "ordered":
            let parts = words(rest)
            guard parts.count >= 7, parts[0] == "from", parts[2] == "to", parts[4] == "step" else { throw invalid }
            var query = rest
            for _ in 0..<6 { query = splitWord(query).rest }
            let grid = try gridTimes(from: parts[1], to: parts[3], step: parts[5])
            eval = EvalCommand(line: line, query: String(query), timing: .range(start: grid.start, end: grid.end, step: grid.step))
        default:
            throw invalid
        }
        switch modifier {
        case "fail": eval.expectations.fail = [.any]
        case "warn": eval.expectations.requiresWarning = true
        case "info": eval.expectations.requiresInfo = true
        case "ordered": eval.expectations.ordered = true
        default: break
        }
        return eval
    }

    /// `expect <fail|warn|no_warn|info|no_info|ordered> [msg:|regex: <text>]`.
    static func applyExpect(_ line: String, to expectations: inout EvalExpectations, failLines: inout Int) throws(ScriptError) {
        let invalid = ScriptError("invalid expect statement, must match `expect <type> <match_type>: <string>` format")
        let afterExpect = line.dropFirst("expect".count)
        guard afterExpect.first.map(isBlank) == true else { throw invalid }
        let (type, rest) = splitWord(afterExpect.drop(while: isBlank))
        var matcher = MessageMatcher.any
        if !rest.isEmpty {
            // `(regex|msg):(.+)`: the kind, a colon, and at least one character.
            let kind = rest.prefix { $0 != ":" }
            guard kind.count + 1 < rest.count else { throw invalid }
            let text = String(trim(rest.dropFirst(kind.count + 1)))
            switch kind {
            case "msg": matcher = MessageMatcher(.exact(text))
            case "regex": matcher = try MessageMatcher.regex(text)
            default: throw invalid
            }
        }
        switch type {
        case "fail":
            failLines += 1
            guard failLines == 1 else { throw ScriptError("invalid expect lines, multiple expect fail lines are not allowed") }
            expectations.fail.append(matcher)
        case "warn": expectations.warnings.append(matcher)
        case "info": expectations.infos.append(matcher)
        case "no_warn": expectations.noWarnings = true
        case "no_info": expectations.noInfos = true
        case "ordered": expectations.ordered = true
        default: throw invalid
        }
        if !expectations.infos.isEmpty && expectations.noInfos {
            throw ScriptError("invalid expect lines, info and no_info cannot be used together")
        }
        if !expectations.warnings.isEmpty && expectations.noWarnings {
            throw ScriptError("invalid expect lines, warn and no_warn cannot be used together")
        }
    }

    /// `expect range vector from <start> to <end> step <step>`.
    static func rangeVectorGrid(_ line: String) throws(ScriptError) -> EvalCommand.Grid {
        let parts = words(line.dropFirst("expect range vector".count))
        guard parts.count == 6, parts[0] == "from", parts[2] == "to", parts[4] == "step" else {
            throw ScriptError("invalid range vector definition \"\(line)\"")
        }
        return try gridTimes(from: parts[1], to: parts[3], step: parts[5])
    }

    /// `expect string "..."` (or `` `...` ``), unquoted like Go's `strconv.Unquote`.
    static func expectedString(_ line: String) throws(ScriptError) -> String {
        let prefix = "expect string "
        guard line.hasPrefix(prefix), line.count > prefix.count else {
            throw ScriptError("expected string literal not valid - a quoted string literal is required")
        }
        do throws(ScriptError) {
            return try QuotedString.unquote(line.dropFirst(prefix.count), singleQuotedIsCharacter: true)
        } catch {
            throw ScriptError("expected string literal not valid - check that the string is correctly quoted")
        }
    }

    private static func gridTimes(from: Substring, to: Substring, step: Substring) throws(ScriptError) -> EvalCommand.Grid {
        func parse(_ text: Substring, _ what: String) throws(ScriptError) -> Int64 {
            do throws(ScriptError) {
                return try PromDuration.milliseconds(text)
            } catch {
                throw ScriptError("invalid \(what) definition \"\(text)\": \(error.message)")
            }
        }
        let start = try parse(from, "start timestamp")
        let end = try parse(to, "end timestamp")
        guard end >= start else {
            throw ScriptError("invalid test definition, end timestamp (\(to)) is before start timestamp (\(from))")
        }
        return EvalCommand.Grid(start: start, end: end, step: try parse(step, "step"))
    }
}
