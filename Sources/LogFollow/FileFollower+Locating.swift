/// Finding the file to read: on the first poll, after a restart, and after a truncation.
extension FileFollower {
    /// Opens the file to follow when none is open yet: the file at the path, or for a saved
    /// offset the file it was taken in, wherever rotation put it. False while there is none.
    mutating func locateFile(into batch: inout FollowBatch) throws(FollowError) -> Bool {
        let atPath = try OpenFile.open(path)
        guard let saved = savedOffset else {
            guard let atPath else { return false }
            start(atPath)
            batch.events.append(.opened(offset(in: atPath)))
            return true
        }
        if let atPath, atPath.device == saved.device, atPath.inode == saved.inode {
            // Whether it was truncated meanwhile is checked like on every poll.
            resume(atPath, from: saved)
            batch.events.append(.opened(saved))
            return true
        }
        let rotated = RotatedFileSearch.find(
            identity: (saved.device, saved.inode), head: HeadFingerprint(of: saved),
            minimumSize: max(saved.offset, Int64(saved.headLength)),
            beside: path, excludingInode: atPath?.inode)
        if let rotated {
            resume(rotated, from: saved)
            batch.events.append(.foundRotatedFile(path: rotated.path, at: saved))
            return true
        }
        // With nothing at the path either, keep the saved offset: its file may still appear
        // (a volume mounted late), and nothing else could be read anyway.
        guard let atPath else { return false }
        batch.events.append(.rotatedFileLost(saved))
        start(atPath)
        batch.events.append(.opened(offset(in: atPath)))
        return true
    }

    /// Notices that the followed file shrank below the read position or that its first bytes
    /// changed, and goes on in a copy of the old contents if there is one, else from 0.
    mutating func checkContents(into batch: inout FollowBatch) throws(FollowError) {
        guard let followed = file else { return }
        let position = assembler.position
        guard position > 0 else { return }
        if try followed.size() >= position, try head.matches(followed) { return }
        batch.events.append(.truncated(offset(in: followed)))
        // copytruncate copies the file before truncating it: the copy holds the same bytes up
        // to the position, and the lines written after the last poll.
        let copy = RotatedFileSearch.find(
            identity: nil, head: head, minimumSize: position,
            beside: path, excludingInode: followed.inode)
        if let copy {
            file = copy
            batch.events.append(.foundRotatedFile(path: copy.path, at: offset(in: copy)))
        } else {
            start(followed)
        }
    }

    /// Follows `file` from offset 0.
    mutating func start(_ file: OpenFile) {
        self.file = file
        assembler = LineAssembler(maxLineBytes: maxLineBytes, lineStart: 0)
        head = .empty
        savedOffset = nil
    }

    /// Follows `file` from a saved offset taken in it.
    mutating func resume(_ file: OpenFile, from saved: FileOffset) {
        self.file = file
        assembler = LineAssembler(maxLineBytes: maxLineBytes, lineStart: saved.offset)
        head = HeadFingerprint(of: saved)
        savedOffset = nil
    }
}
