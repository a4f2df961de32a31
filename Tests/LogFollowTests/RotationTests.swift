import Testing
@testable import LogFollow

/// Rotation by rename (logrotate's default `create`): the followed file moves to
/// `access.log.1` and a new file appears at the path.
@Suite("Rotation by rename")
struct RotationTests {
    @Test("lines written before the rename and not yet polled come before the new file's lines")
    func renameWhileRunning() throws {
        let directory = try LogDirectory()
        let writer = try LogWriter(path: directory.pathOf("access.log"))
        try writer.append("a1\na2\n")
        var follower = directory.follower()
        #expect(try follower.drain().lines == ["a1", "a2"])
        let before = try #require(follower.offset)

        try writer.append("a3\na4\nlast-without-newline")
        try directory.renameFile("access.log", to: "access.log.1")
        let newWriter = try LogWriter(path: directory.pathOf("access.log"))
        try newWriter.append("b1\nb2\n")

        let batch = try follower.poll(maxBytes: 1 << 20)
        let lines = batch.lines.map { String(decoding: $0, as: UTF8.self) }
        // The rotated file's last line is returned without its newline: nothing will complete it.
        #expect(lines == ["a3", "a4", "last-without-newline", "b1", "b2"])
        let after = try #require(batch.offset)
        #expect(after.inode != before.inode)
        #expect(after.offset == 6)
        guard case .rotated(let from, let to) = try #require(batch.events.first) else {
            Issue.record("expected a rotation, got \(batch.events)")
            return
        }
        #expect(batch.events.count == 1)
        #expect(from.inode == before.inode)
        #expect(from.offset == 32, "the end of the rotated file, its last line included")
        #expect(from.headLength == 32)
        #expect(to == FileOffset(device: after.device, inode: after.inode, offset: 0))
    }

    @Test("the renamed file keeps being read until the new file holds data")
    func writerReopensLate() throws {
        let directory = try LogDirectory()
        let writer = try LogWriter(path: directory.pathOf("access.log"))
        try writer.append("a1\n")
        var follower = directory.follower()
        #expect(try follower.drain().lines == ["a1"])

        try directory.renameFile("access.log", to: "access.log.1")
        try writer.append("a2\n")
        let renamed = try follower.drain()
        #expect(renamed.lines == ["a2"])
        #expect(renamed.events == [.fileMissing])

        // The new file exists but the writer has not reopened yet: still writing to the old one.
        let newWriter = try LogWriter(path: directory.pathOf("access.log"))
        try writer.append("a3\n")
        let empty = try follower.drain()
        #expect(empty.lines == ["a3"])
        #expect(empty.events.isEmpty)

        try writer.append("a4\n")
        try newWriter.append("b1\n")
        let switched = try follower.drain()
        #expect(switched.lines == ["a4", "b1"])
        #expect(switched.events.map(\.kind) == ["rotated"])
    }

    @Test("rotated while down: the saved file is finished under its new name, then the new file", arguments: [
        "access.log.1", "access.log-20250101",
    ])
    func renameWhileDown(rotatedName: String) throws {
        let directory = try LogDirectory()
        let writer = try LogWriter(path: directory.pathOf("access.log"))
        try writer.append("a1\na2\n")
        var first = directory.follower()
        #expect(try first.drain().lines == ["a1", "a2"])
        let saved = try #require(first.offset)

        try writer.append("a3\n")
        try directory.renameFile("access.log", to: rotatedName)
        try writer.append("a4\n")
        let newWriter = try LogWriter(path: directory.pathOf("access.log"))
        try newWriter.append("b1\nb2\n")

        var restarted = directory.follower(from: saved)
        let drained = try restarted.drain()
        #expect(drained.lines == ["a3", "a4", "b1", "b2"])
        #expect(drained.events.map(\.kind) == ["foundRotatedFile", "rotated"])
        #expect(drained.events.first == .foundRotatedFile(path: directory.pathOf(rotatedName), at: saved))
        #expect(drained.offset?.offset == 6)
        #expect(drained.offset?.inode != saved.inode)
    }

    @Test("rotated while down, no new file yet: the renamed file is finished and the path awaited")
    func renameWhileDownBeforeNewFile() throws {
        let directory = try LogDirectory()
        try directory.append("a1\n")
        var first = directory.follower()
        _ = try first.drain()
        let saved = try #require(first.offset)
        try directory.append("a2\n")
        try directory.renameFile("access.log", to: "access.log.1")

        var restarted = directory.follower(from: saved)
        let finished = try restarted.drain()
        #expect(finished.lines == ["a2"])
        #expect(finished.events.map(\.kind) == ["fileMissing", "foundRotatedFile"])

        try directory.append("b1\n")
        let next = try restarted.drain()
        #expect(next.lines == ["b1"])
        #expect(next.events.map(\.kind) == ["rotated"])
    }

    @Test("rotated while down and the rotated file gone: the loss is reported, the new file read from 0")
    func rotatedFileLost() throws {
        let directory = try LogDirectory()
        try directory.append("a1\n")
        var first = directory.follower()
        _ = try first.drain()
        let saved = try #require(first.offset)

        try directory.append("a2-lost\n")
        try directory.renameFile("access.log", to: "access.log.1")
        try directory.append("b1\n")
        // Compressed away: a different file under a different name.
        try directory.append("gzip bytes\n", to: "access.log.1.gz")
        try directory.remove("access.log.1")

        var restarted = directory.follower(from: saved)
        let drained = try restarted.drain()
        #expect(drained.lines == ["b1"])
        #expect(drained.events.map(\.kind) == ["rotatedFileLost", "opened"])
        #expect(drained.events.first == .rotatedFileLost(saved))
    }

    @Test("a saved offset whose file is nowhere and nothing at the path waits for the path")
    func savedFileAndPathMissing() throws {
        let directory = try LogDirectory()
        let saved = FileOffset(device: 1, inode: 2, offset: 30)
        var follower = directory.follower(from: saved)
        let missing = try follower.drain()
        #expect(missing.lines.isEmpty)
        #expect(missing.events == [.fileMissing])
        #expect(missing.offset == saved, "the saved offset is kept until its file can be looked for")

        try directory.append("new\n")
        let found = try follower.drain()
        #expect(found.lines == ["new"])
        #expect(found.events.map(\.kind) == ["rotatedFileLost", "opened"])
    }
}
