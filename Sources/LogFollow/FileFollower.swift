/// Follows one growing log file like `tail -F`, returning every complete line exactly once
/// across rotation, truncation and restarts of the caller.
///
/// The caller polls, stores the batch's lines together with `FollowBatch.offset` in one
/// transaction, and after a restart creates the follower again from the stored offset. If
/// storing fails, drop the follower and create it again from the last stored offset.
///
/// Rules:
/// - **Start.** Without a saved offset the follower starts at offset 0 of the file at the
///   path: the collector wants every line already written, not only new ones.
/// - **Restart.** With a saved offset whose file (device and inode, and the fingerprint of its
///   first bytes) is still at the path, reading resumes exactly at the offset. Otherwise the
///   saved file is looked for beside the path, among the files of the same
///   directory whose name starts with the path's (`access.log.1`, `access.log-20250101`, …),
///   and finished from the offset before the file at the path is read from 0. If it is
///   nowhere, `rotatedFileLost` is reported and the file at the path is read from 0; if the
///   path is empty too, the saved offset is kept until one of them appears.
/// - **Partial lines.** A last line without its newline is not returned; the offset stays at
///   its start and the line comes whole once its newline is written. The exception is a file
///   that was rotated away: once the writer has moved on, its last line is returned as it is,
///   since nothing will complete it.
/// - **Rotation by rename.** When another file appears at the path, the followed file (still
///   open) keeps being read, because the writer may go on writing to it until it reopens the
///   path. Once the new file holds data, the old one is read to its end and following goes
///   on in the new file at offset 0 (`rotated`).
/// - **Truncation (copytruncate).** When the followed file is shorter than the read position,
///   or its first bytes changed, it was truncated (`truncated`). Lines written before the
///   truncation and not read yet are still in the copy, so a sibling that starts with the
///   same bytes is finished first (`foundRotatedFile`); without one, reading restarts at 0.
///   A line cut in two by the truncation comes as two lines.
/// - **Missing file.** Not an error: polls return nothing (`fileMissing` once) until it appears.
/// - **Memory.** A poll reads at most `maxBytes`; a backlog is consumed over several polls
///   (`FollowBatch.hasMore`). A line longer than `maxLineBytes` is dropped and reported
///   (`lineSkipped`) without being held in memory.
///
/// Limits:
/// - Only one rotation between two polls (or during a restart) is recovered: if the file was
///   rotated twice, the file in between is not read.
/// - A rotated file compressed or moved to another directory before it was finished is lost
///   (and reported).
/// - Lines a writer still adds to the old file after the new one has data are not read.
/// - copytruncate is not noticed if the file regrew past the read position with the same
///   first 256 bytes, and its copy cannot be recognised before the follower has read a byte
///   of the file (the lines copied away then are lost).
/// - Rotated files are looked for beside the path as given, not beside a symlink's target.

/// Copies of a follower share its open descriptors (reads never move a shared position) and
/// follow independently; a descriptor is closed when the last copy lets go of it.
public struct FileFollower: Sendable {
    /// A guard against a path that is replaced again as soon as it is read.
    private static let maxFilesPerPoll = 4

    public let path: String
    /// The longest line returned, in bytes without the newline.
    public let maxLineBytes: Int
    /// The file being read: the one at the path, or the one rotated away from it until it
    /// is finished.
    var file: OpenFile?
    var assembler: LineAssembler
    /// Fingerprint of the first bytes read from `file`, to notice it being rewritten.
    var head = HeadFingerprint.empty
    /// The offset to resume from, until its file is found.
    var savedOffset: FileOffset?
    /// Whether the last poll found nothing at the path, to report `fileMissing` only once.
    var isPathMissing = false

    /// - Parameters:
    ///   - path: the file to follow; it need not exist yet.
    ///   - resumeFrom: the offset stored with the last lines consumed, or nil to read the
    ///     file from its start.
    ///   - maxLineBytes: longer lines are skipped and reported.
    public init(path: String, resumeFrom: FileOffset?, maxLineBytes: Int) {
        precondition(maxLineBytes > 0, "maxLineBytes must be positive")
        self.path = path
        self.maxLineBytes = maxLineBytes
        self.assembler = LineAssembler(maxLineBytes: maxLineBytes, lineStart: 0)
        self.savedOffset = resumeFrom
    }

    /// The position after the last line returned: what the caller stores.
    public var offset: FileOffset? {
        guard let file else { return savedOffset }
        return offset(in: file)
    }

    /// Reads the lines completed since the last poll, at most `maxBytes` bytes of file.
    ///
    /// Throws when a file cannot be opened, examined or read for a reason other than it
    /// missing; the follower is then left as it was, so the next poll starts over.
    public mutating func poll(maxBytes: Int) throws(FollowError) -> FollowBatch {
        precondition(maxBytes > 0, "maxBytes must be positive")
        // Work on a copy so that a failure halfway leaves no line consumed but unreturned.
        var next = self
        var batch = FollowBatch()
        try next.advance(budget: maxBytes, into: &batch)
        batch.offset = next.offset
        self = next
        return batch
    }

    private mutating func advance(budget: Int, into batch: inout FollowBatch) throws(FollowError) {
        var budget = budget
        noteMissing(try FileStatus.at(path) == nil, into: &batch)
        if file == nil {
            guard try locateFile(into: &batch) else { return }
        }
        for _ in 0..<Self.maxFilesPerPoll {
            try checkContents(into: &batch)
            guard let followed = file else { return }
            // Look at the path before reading: once a new file there holds data, the writer
            // has moved on, so what the followed file holds after this read is all it will hold.
            let writerMovedOn = try hasSuccessor(to: followed)
            guard try read(followed, budget: &budget, into: &batch) else {
                batch.hasMore = true
                return
            }
            guard writerMovedOn, try switchToFileAtPath(into: &batch) else { return }
            if budget == 0 {
                batch.hasMore = true
                return
            }
        }
        batch.hasMore = true
    }

    private mutating func noteMissing(_ isMissing: Bool, into batch: inout FollowBatch) {
        if isMissing && !isPathMissing {
            batch.events.append(.fileMissing)
        }
        isPathMissing = isMissing
    }

    /// Whether a different regular file with data is at the path.
    private func hasSuccessor(to followed: OpenFile) throws(FollowError) -> Bool {
        guard let status = try FileStatus.at(path) else { return false }
        return status.isRegularFile && !followed.isSameFile(as: status) && status.size > 0
    }

    /// Reads what `followed` holds past the position, at most `budget` bytes, into lines.
    /// Returns whether the read reached the end of the file.
    private mutating func read(
        _ followed: OpenFile, budget: inout Int, into batch: inout FollowBatch
    ) throws(FollowError) -> Bool {
        let available = try followed.size() - assembler.position
        guard available > 0 else { return true }
        guard budget > 0 else { return false }
        let requested = Int(min(Int64(budget), available))
        let chunk = try followed.read(at: assembler.position, count: requested)
        budget -= chunk.count
        var skipped: [LineAssembler.SkippedLine] = []
        assembler.consume(chunk, lines: &batch.lines, skipped: &skipped)
        report(skipped, in: followed, into: &batch)
        try extendHead(of: followed)
        // A short read means the file shrank meanwhile; the next poll sees the truncation.
        return chunk.count < requested || Int64(requested) == available
    }

    /// Finishes the followed file, whose writer has moved on, and continues in the file at
    /// the path from offset 0. False when the path changed again since it was looked at.
    private mutating func switchToFileAtPath(into batch: inout FollowBatch) throws(FollowError) -> Bool {
        guard let old = file, let new = try OpenFile.open(path), !new.isSameFile(as: old) else {
            return false
        }
        var skipped: [LineAssembler.SkippedLine] = []
        assembler.finish(lines: &batch.lines, skipped: &skipped)
        report(skipped, in: old, into: &batch)
        let end = offset(in: old)
        start(new)
        batch.events.append(.rotated(from: end, to: offset(in: new)))
        return true
    }

    /// Grows the fingerprint with the bytes read, up to `HeadFingerprint.maxLength`.
    private mutating func extendHead(of followed: OpenFile) throws(FollowError) {
        let wanted = Int(min(assembler.position, Int64(HeadFingerprint.maxLength)))
        guard head.length < wanted, let longer = try HeadFingerprint.of(followed, length: wanted) else {
            return
        }
        head = longer
    }

    private func report(
        _ skipped: [LineAssembler.SkippedLine], in followed: OpenFile, into batch: inout FollowBatch
    ) {
        for line in skipped {
            var start = offset(in: followed)
            start.offset = line.start
            batch.events.append(.lineSkipped(at: start, length: line.length))
        }
    }

    func offset(in followed: OpenFile) -> FileOffset {
        FileOffset(
            device: followed.device, inode: followed.inode, offset: assembler.lineStart,
            headLength: head.length, headHash: head.hash)
    }
}
