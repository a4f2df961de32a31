import Testing
@testable import LogFollow

/// Truncation in place (logrotate's `copytruncate`): the same inode shrinks to 0 and grows
/// again, and a copy of the old contents may sit beside it.
@Suite("Truncation")
struct TruncationTests {
    @Test("copytruncate: lines not yet read come from the copy, then the file is read from 0")
    func copyTruncateWhileRunning() throws {
        let directory = try LogDirectory()
        let writer = try LogWriter(path: directory.pathOf("access.log"))
        try writer.append("a1\na2\n")
        var follower = directory.follower()
        #expect(try follower.drain().lines == ["a1", "a2"])
        let before = try #require(follower.offset)

        try writer.append("a3\na4\n")
        try directory.copyTruncate(copyTo: "access.log.1")
        try writer.append("b1\n")

        let drained = try follower.drain()
        #expect(drained.lines == ["a3", "a4", "b1"])
        #expect(drained.events.map(\.kind) == ["truncated", "foundRotatedFile", "rotated"])
        #expect(drained.events.first == .truncated(before))
        #expect(drained.offset?.inode == before.inode, "back in the truncated file")
        #expect(drained.offset?.offset == 3)
    }

    @Test("truncation without a copy: reading restarts at offset 0 and is reported")
    func truncateWithoutCopy() throws {
        let directory = try LogDirectory()
        let writer = try LogWriter(path: directory.pathOf("access.log"))
        try writer.append("a1\na2\n")
        var follower = directory.follower()
        _ = try follower.drain()
        let before = try #require(follower.offset)

        try directory.truncateFile()
        let empty = try follower.drain()
        #expect(empty.lines.isEmpty)
        #expect(empty.events == [.truncated(before)])
        #expect(empty.offset == FileOffset(device: before.device, inode: before.inode, offset: 0))

        try writer.append("b1\n")
        let next = try follower.drain()
        #expect(next.lines == ["b1"])
        #expect(next.events.isEmpty)
    }

    @Test("truncated and regrown past the read position between polls: noticed by the first bytes")
    func truncatedAndRegrown() throws {
        let directory = try LogDirectory()
        let writer = try LogWriter(path: directory.pathOf("access.log"))
        try writer.append("a1-xxxxx\n")
        var follower = directory.follower()
        _ = try follower.drain()

        try directory.truncateFile()
        try writer.append("b1-yyyyy\nb2-zzzzz\n")
        let drained = try follower.drain()
        #expect(drained.lines == ["b1-yyyyy", "b2-zzzzz"])
        #expect(drained.events.map(\.kind) == ["truncated"])
    }

    @Test("copytruncate while down: the saved offset is finished in the copy, then the file from 0")
    func copyTruncateWhileDown() throws {
        let directory = try LogDirectory()
        let writer = try LogWriter(path: directory.pathOf("access.log"))
        try writer.append("a1\na2\n")
        var first = directory.follower()
        _ = try first.drain()
        let saved = try #require(first.offset)

        try writer.append("a3\n")
        try directory.copyTruncate(copyTo: "access.log.1")
        try writer.append("b1-long-enough\nb2\n")

        var restarted = directory.follower(from: saved)
        let drained = try restarted.drain()
        #expect(drained.lines == ["a3", "b1-long-enough", "b2"])
        #expect(drained.events.map(\.kind) == ["opened", "truncated", "foundRotatedFile", "rotated"])
    }

    @Test("a file rewritten in place while down is read from 0, not resumed at the old offset")
    func rewrittenWhileDown() throws {
        let directory = try LogDirectory()
        try directory.append("old-1\nold-2\n")
        var first = directory.follower()
        _ = try first.drain()
        let saved = try #require(first.offset)

        // Same inode, other contents, longer than the saved offset: only the fingerprint tells.
        try directory.truncateFile()
        try directory.append("new-1\nnew-2\nnew-3\n")
        var restarted = directory.follower(from: saved)
        let drained = try restarted.drain()
        #expect(drained.lines == ["new-1", "new-2", "new-3"])
        #expect(drained.events.map(\.kind) == ["opened", "truncated"])
    }
}
