import MeshMetrics
import Testing
@testable import LogFollow

/// A random history of a writer, logrotate and a collector that stores each batch with its
/// offset, restarts, and sometimes crashes before storing a batch.
///
/// Rotations happen at line boundaries (a proxy writes whole lines) and the collector
/// catches up after each one, since only one rotation between two stored offsets can be
/// recovered. Everything else is random: where lines are cut between writes, how many bytes
/// a poll may read, when the collector restarts.
struct RandomHistory {
    private let directory: LogDirectory
    private var random: SplitMix64
    private var writer: LogWriter
    private var follower: FileFollower
    /// The offset stored with the last batch, as the collector's database would hold it.
    private var stored: FileOffset?
    /// The line being written, when the writer has written only its first part.
    private var unfinishedLine: (rest: String, whole: String)?
    private var lineNumber = 0

    /// Complete lines, in the order they were written.
    private(set) var written: [String] = []
    /// Lines in stored batches, in the order they were stored.
    private(set) var received: [String] = []

    init(seed: UInt64) throws {
        directory = try LogDirectory()
        random = SplitMix64(seed: seed)
        writer = try LogWriter(path: directory.pathOf("access.log"))
        follower = directory.follower()
        // The collector stores an offset before anything is written: a follower without one
        // starts at the file then at the path, and would not look for a rotated one.
        stored = try follower.poll(maxBytes: 1).offset
    }

    mutating func run(steps: Int) throws {
        for _ in 0..<steps {
            switch Int.random(in: 0..<20, using: &random) {
            case 0..<8: try write()
            case 8..<14: try poll(store: true)
            case 14..<16: restart()
            case 16..<18:
                // A crash after polling, before the transaction: the batch is lost, not stored.
                try poll(store: false)
                restart()
            case 18: try rotateByRename()
            default: try copyTruncate()
            }
        }
        try finishLine()
        try catchUp()
    }

    /// Writes a few lines, the last one possibly cut in two writes.
    private mutating func write() throws {
        var text = ""
        if let unfinished = unfinishedLine {
            text += unfinished.rest + "\n"
            written.append(unfinished.whole)
            unfinishedLine = nil
        }
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            let line = nextLine()
            text += line + "\n"
            written.append(line)
        }
        if Bool.random(using: &random) {
            let line = nextLine()
            let cut = line.index(line.startIndex, offsetBy: Int.random(in: 1..<line.count, using: &random))
            text += line[..<cut]
            unfinishedLine = (rest: String(line[cut...]), whole: line)
        }
        try writer.append(text)
    }

    private mutating func nextLine() -> String {
        lineNumber += 1
        let padding = String(repeating: "-", count: Int.random(in: 0...40, using: &random))
        return "line \(lineNumber) \(padding)|"
    }

    private mutating func finishLine() throws {
        guard let unfinished = unfinishedLine else { return }
        try writer.append(unfinished.rest + "\n")
        written.append(unfinished.whole)
        unfinishedLine = nil
    }

    private mutating func poll(store: Bool) throws {
        let batch = try follower.poll(maxBytes: Int.random(in: 1...200, using: &random))
        guard store else { return }
        received += batch.lines.map { String(decoding: $0, as: UTF8.self) }
        stored = batch.offset
    }

    private mutating func restart() {
        follower = directory.follower(from: stored)
    }

    /// Polls and stores until everything written is read, within a bounded number of polls.
    private mutating func catchUp() throws {
        for _ in 0..<10_000 {
            let batch = try follower.poll(maxBytes: 256)
            received += batch.lines.map { String(decoding: $0, as: UTF8.self) }
            stored = batch.offset
            if !batch.hasMore { return }
        }
    }

    /// Shifts `access.log.N` to `access.log.N+1` as logrotate does before rotating.
    private func shiftRotatedFiles() throws {
        let rotated = RotatedFileSearch.siblings(of: directory.pathOf("access.log"))
            .compactMap { Int($0.split(separator: ".").last ?? "") }
        for number in rotated.sorted(by: >) {
            try directory.renameFile("access.log.\(number)", to: "access.log.\(number + 1)")
        }
    }

    private mutating func rotateByRename() throws {
        try finishLine()
        try shiftRotatedFiles()
        try directory.renameFile("access.log", to: "access.log.1")
        // The writer may write to the renamed file before it reopens the path.
        if Bool.random(using: &random) { try write(); try finishLine() }
        writer = try LogWriter(path: directory.pathOf("access.log"))
        try writeWholeLine()
        try catchUp()
    }

    private mutating func copyTruncate() throws {
        try finishLine()
        // Before the follower has read a byte of the file it cannot tell the copy from any
        // other file, so lines copied away then are lost (a documented limit). Have it read.
        if stored?.offset == 0 {
            try writeWholeLine()
            try catchUp()
        }
        try shiftRotatedFiles()
        try directory.copyTruncate(copyTo: "access.log.1")
        try writeWholeLine()
        try catchUp()
    }

    /// A complete line, so that the file at the path holds data after a rotation.
    private mutating func writeWholeLine() throws {
        let line = nextLine()
        try writer.append(line + "\n")
        written.append(line)
    }
}
