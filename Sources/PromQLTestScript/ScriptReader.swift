/// Splits a script into commands, following promqltest's reader line for line:
/// lines are trimmed, a line starting with `#` counts as blank, and a blank line ends
/// a `load` or `eval` block (so a comment inside a block ends it too).
struct ScriptReader {
    let file: String
    /// Trimmed lines, comments blanked; index 0 is line 1.
    let lines: [String]
    var index = 0

    init(text: String, file: String) {
        self.file = file
        // Split on bytes: Swift treats "\r\n" as one Character, Go splits at "\n".
        lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { bytes in
            let line = ScriptReader.trim(Substring(bytes))
            return line.hasPrefix("#") ? "" : String(line)
        }
    }

    mutating func readCommands() throws(ScriptError) -> [ScriptCommand] {
        var commands: [ScriptCommand] = []
        while index < lines.count {
            let line = lines[index]
            if line.isEmpty { index += 1; continue }
            let keyword = ScriptReader.firstWord(line).lowercased()
            do throws(ScriptError) {
                if keyword == "clear" {
                    commands.append(.clear(line: index + 1))
                    index += 1
                } else if keyword.hasPrefix("load") {
                    commands.append(.load(try readLoad()))
                } else if keyword.hasPrefix("eval") {
                    commands.append(.eval(try readEval()))
                } else {
                    throw ScriptError("invalid command \"\(line)\"")
                }
            } catch {
                throw error.located(file: file, line: index + 1)
            }
        }
        return commands
    }

    // MARK: load

    /// `load[_with_nhcb] <interval>` then series lines and `@st` lines up to a blank line.
    private mutating func readLoad() throws(ScriptError) -> LoadCommand {
        let words = ScriptReader.words(lines[index])
        guard words.count == 2, words[0] == "load" || words[0] == "load_with_nhcb" else {
            throw ScriptError("invalid load command. (load[_with_nhcb] <step:duration>)")
        }
        let interval: Int64
        do throws(ScriptError) {
            interval = try PromDuration.milliseconds(words[1])
        } catch {
            throw ScriptError("invalid step definition \"\(words[1])\": \(error.message)")
        }
        var load = LoadCommand(line: index + 1, interval: interval, withNHCB: words[0] == "load_with_nhcb")
        var pending: (metric: SeriesDescription, offsets: [Int64?], line: Int)?
        index += 1
        while index < lines.count, !lines[index].isEmpty {
            let line = lines[index]
            do throws(ScriptError) {
                if let (metric, offsets) = try StartTimestampLine.parse(line) {
                    guard pending == nil else { throw ScriptError("@st line has no following sample line") }
                    if let metric {
                        pending = (metric, offsets, index + 1)
                    } else {
                        load.defaultStartTimestampOffsets = offsets
                    }
                } else {
                    var series = try SeriesDescription.parse(line)
                    if let stLine = pending {
                        guard stLine.metric.labels == series.labels else {
                            throw ScriptError("@st metric does not match the following sample line metric")
                        }
                        guard stLine.offsets.count == series.values.count else {
                            throw ScriptError("@st line has \(stLine.offsets.count) values but sample line has \(series.values.count)")
                        }
                        series.startTimestampOffsets = stLine.offsets
                        pending = nil
                    }
                    load.add(series)
                }
            } catch {
                throw error.located(file: file, line: index + 1)
            }
            index += 1
        }
        if let pending { throw ScriptError(file: file, line: pending.line, "@st line has no following sample line") }
        return load
    }

    // MARK: Text helpers

    /// Go's `strings.TrimSpace`.
    static func trim(_ text: Substring) -> Substring {
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text.lastIndex { !$0.isWhitespace }.map { text.index(after: $0) } ?? start
        return start < end ? text[start..<end] : ""
    }

    static func isBlank(_ char: Character) -> Bool { char == " " || char == "\t" }

    static func firstWord(_ line: String) -> Substring {
        line.prefix { !isBlank($0) }
    }

    /// Words separated by runs of spaces and tabs (Go's `[\t ]+`).
    static func words(_ line: some StringProtocol) -> [Substring] {
        Substring(line).split(whereSeparator: isBlank)
    }

    /// Splits off the first word and returns it with the rest (leading blanks dropped).
    static func splitWord(_ text: Substring) -> (word: Substring, rest: Substring) {
        let word = text.prefix { !isBlank($0) }
        let rest = text.dropFirst(word.count).drop(while: isBlank)
        return (word, rest)
    }
}
