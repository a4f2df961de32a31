import Testing
@testable import LogFollow

/// `LineAssembler` on chunks cut at every place a read can end.
@Suite("Line assembly")
struct LineAssemblerTests {
    @Test("lines split across chunks come out whole, with their bytes exact")
    func linesAcrossChunks() {
        var assembler = LineAssembler(maxLineBytes: 100, lineStart: 0)
        var lines: [[UInt8]] = []
        var skipped: [LineAssembler.SkippedLine] = []
        for chunk in ["ab", "c\nde", "f\r\n\n", "gh"] {
            assembler.consume(Array(chunk.utf8), lines: &lines, skipped: &skipped)
        }
        #expect(lines == [Array("abc".utf8), Array("def\r".utf8), []])
        #expect(skipped.isEmpty)
        #expect(assembler.lineStart == 10)
        #expect(assembler.position == 12)
        #expect(assembler.hasPartialLine)
    }

    @Test("a line longer than the limit is counted, not kept, and reported with its start")
    func longLineSkipped() {
        var assembler = LineAssembler(maxLineBytes: 4, lineStart: 100)
        var lines: [[UInt8]] = []
        var skipped: [LineAssembler.SkippedLine] = []
        for chunk in ["ok\nab", "cd", "efg", "h\nabcd\n"] {
            assembler.consume(Array(chunk.utf8), lines: &lines, skipped: &skipped)
        }
        #expect(lines == [Array("ok".utf8), Array("abcd".utf8)])
        #expect(skipped.map(\.start) == [103])
        #expect(skipped.map(\.length) == [8])
        #expect(assembler.lineStart == 117)
        #expect(!assembler.hasPartialLine)
    }

    @Test("finish returns the last line without a newline, or reports it when too long")
    func finishEndsTheLastLine() {
        var lines: [[UInt8]] = []
        var skipped: [LineAssembler.SkippedLine] = []
        var short = LineAssembler(maxLineBytes: 4, lineStart: 0)
        short.consume(Array("a\nbc".utf8), lines: &lines, skipped: &skipped)
        short.finish(lines: &lines, skipped: &skipped)
        #expect(lines == [Array("a".utf8), Array("bc".utf8)])
        #expect(short.lineStart == 4)

        var long = LineAssembler(maxLineBytes: 4, lineStart: 0)
        long.consume(Array("abcdefg".utf8), lines: &lines, skipped: &skipped)
        long.finish(lines: &lines, skipped: &skipped)
        #expect(lines.count == 2)
        #expect(skipped.map(\.length) == [7])
        #expect(long.lineStart == 7)

        var empty = LineAssembler(maxLineBytes: 4, lineStart: 9)
        empty.finish(lines: &lines, skipped: &skipped)
        #expect(lines.count == 2)
        #expect(skipped.count == 1)
    }
}
