import Testing
@testable import LogFollow

/// Following one file that only grows: appends, partial lines, a missing file, the byte
/// budget and the line limit.
@Suite("Following a growing file")
struct FollowingTests {
    @Test("a new follower reads the whole file, then only what is appended")
    func appendAndPoll() throws {
        let directory = try LogDirectory()
        try directory.append("one\ntwo\n")
        var follower = directory.follower()

        let first = try follower.poll(maxBytes: 1 << 20)
        #expect(first.lines == [Array("one".utf8), Array("two".utf8)])
        #expect(first.offset?.offset == 8)
        let file = try #require(first.offset)
        #expect(first.events == [.opened(FileOffset(device: file.device, inode: file.inode, offset: 0))])
        #expect(!first.hasMore)

        #expect(try follower.poll(maxBytes: 1 << 20).lines.isEmpty)

        try directory.append("three\n")
        let second = try follower.poll(maxBytes: 1 << 20)
        #expect(second.lines == [Array("three".utf8)])
        #expect(second.offset?.offset == 14)
        #expect(second.events.isEmpty)
    }

    @Test("a line without its newline waits for it and then comes whole")
    func partialLineWaits() throws {
        let directory = try LogDirectory()
        try directory.append("done\nhal")
        var follower = directory.follower()

        let first = try follower.drain()
        #expect(first.lines == ["done"])
        #expect(first.offset?.offset == 5)

        try directory.append("f of it")
        let second = try follower.drain()
        #expect(second.lines.isEmpty)
        #expect(second.offset?.offset == 5)

        try directory.append("\n")
        #expect(try follower.drain().lines == ["half of it"])
        #expect(follower.offset?.offset == 16)
    }

    @Test("line bytes are exact: carriage returns, empty lines and invalid UTF-8 are kept")
    func bytesExact() throws {
        let directory = try LogDirectory()
        let writer = try LogWriter(path: directory.pathOf("access.log"))
        try writer.append("crlf\r\n\n")
        var follower = directory.follower()
        #expect(try follower.poll(maxBytes: 100).lines == [Array("crlf\r".utf8), []])

        try writer.append(bytes: [0xff, 0x00, 0xc3, 0x0a])
        #expect(try follower.poll(maxBytes: 100).lines == [[0xff, 0x00, 0xc3]])
    }

    @Test("a missing file is no error: polls return nothing until it appears")
    func missingThenCreated() throws {
        let directory = try LogDirectory()
        var follower = directory.follower()

        let missing = try follower.poll(maxBytes: 100)
        #expect(missing.lines.isEmpty)
        #expect(missing.offset == nil)
        #expect(missing.events == [.fileMissing])
        let stillMissing = try follower.poll(maxBytes: 100)
        #expect(stillMissing.events.isEmpty, "reported once, not on every poll")

        try directory.append("first\n")
        let found = try follower.poll(maxBytes: 100)
        #expect(found.lines == [Array("first".utf8)])
        #expect(found.events.map(\.kind) == ["opened"])
        #expect(found.offset?.offset == 6)
    }

    @Test("maxBytes bounds each poll; a backlog comes over several polls, in order")
    func maxBytesStepping() throws {
        let directory = try LogDirectory()
        // Ten lines of 9 bytes plus newline.
        let written = (0..<10).map { "line-\($0)..." }
        try directory.append(written.map { $0 + "\n" }.joined())
        var follower = directory.follower()

        var counts: [Int] = []
        var more: [Bool] = []
        var lines: [String] = []
        for _ in 0..<10 {
            let batch = try follower.poll(maxBytes: 25)
            counts.append(batch.lines.count)
            more.append(batch.hasMore)
            lines += batch.lines.map { String(decoding: $0, as: UTF8.self) }
            if !batch.hasMore { break }
        }
        #expect(counts == [2, 3, 2, 3])
        #expect(more == [true, true, true, false])
        #expect(lines == written)
        #expect(follower.offset?.offset == 100)
    }

    @Test("a line longer than maxLineBytes is skipped and reported; the lines around it come")
    func longLineSkipped() throws {
        let directory = try LogDirectory()
        let long = String(repeating: "x", count: 50)
        try directory.append("short\n\(long)\nexactly-16-bytes\nafter\n")
        var follower = directory.follower(maxLineBytes: 16)

        // A small budget makes the long line span several polls.
        let drained = try follower.drain(maxBytes: 7)
        #expect(drained.lines == ["short", "exactly-16-bytes", "after"])
        let skipped = drained.events.filter { $0.kind == "lineSkipped" }
        #expect(skipped.count == 1)
        if case .lineSkipped(let at, let length) = skipped.first {
            #expect(at.offset == 6)
            #expect(length == 50)
        }
        #expect(drained.offset?.offset == 80)
    }

    @Test("a path that is a directory fails the poll and leaves the follower as it was")
    func unreadablePathThrows() throws {
        let directory = try LogDirectory()
        var follower = FileFollower(path: directory.path, resumeFrom: nil, maxLineBytes: 100)
        #expect(throws: FollowError.self) { try follower.poll(maxBytes: 100) }
        #expect(follower.offset == nil)
    }
}
