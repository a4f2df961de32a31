import Testing
@testable import LogFollow

/// Restarts of the caller: a follower created from the last stored offset returns every line
/// after it exactly once.
@Suite("Restarts")
struct RestartTests {
    @Test("restarting after every poll, mid-file and mid-line, returns each line exactly once")
    func restartAfterEveryPoll() throws {
        let directory = try LogDirectory()
        let written = (0..<40).map { "request \($0) " + String(repeating: "=", count: $0 % 7) }
        try directory.append(written.map { $0 + "\n" }.joined())

        var received: [String] = []
        var stored: FileOffset?
        for _ in 0..<1_000 {
            var follower = directory.follower(from: stored)
            let batch = try follower.poll(maxBytes: 23)
            received += batch.lines.map { String(decoding: $0, as: UTF8.self) }
            stored = batch.offset
            if !batch.hasMore { break }
        }
        #expect(received == written)
        #expect(stored?.offset == Int64(written.map { $0.utf8.count + 1 }.reduce(0, +)))
    }

    @Test("a restart resumes exactly at the saved offset; a pending partial line is read again whole")
    func resumeAtSavedOffset() throws {
        let directory = try LogDirectory()
        try directory.append("one\ntwo\nthr")
        var first = directory.follower()
        #expect(try first.drain().lines == ["one", "two"])
        let saved = try #require(first.offset)
        #expect(saved.offset == 8)

        try directory.append("ee\nfour\n")
        var restarted = directory.follower(from: saved)
        let drained = try restarted.drain()
        #expect(drained.lines == ["three", "four"])
        #expect(drained.events == [.opened(saved)])
    }

    @Test("lines of a poll that were never stored come again from the previous offset")
    func unstoredPollRepeats() throws {
        let directory = try LogDirectory()
        try directory.append("a\nb\n")
        var follower = directory.follower()
        let stored = try follower.poll(maxBytes: 100).offset
        try directory.append("c\nd\n")
        #expect(try follower.poll(maxBytes: 100).lines.count == 2)

        // The transaction with c and d failed: the caller starts over from what it stored.
        var again = directory.follower(from: stored)
        #expect(try again.drain().lines == ["c", "d"])
    }

    @Test("random writes, polls, restarts, crashes and rotations: every line exactly once", arguments: 1...24)
    func randomizedHistory(seed: UInt64) throws {
        var history = try RandomHistory(seed: seed)
        try history.run(steps: 160)
        #expect(history.received == history.written, "seed \(seed)")
    }
}
