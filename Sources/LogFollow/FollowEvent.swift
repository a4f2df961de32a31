/// Something a poll noticed that the caller may want to log. Events never hold back lines:
/// the lines and offset of the same batch already account for them.
public enum FollowEvent: Sendable, Hashable {
    /// Started following the file at the path, at this position: on the first poll that
    /// finds it, at the saved offset when resuming there, or at 0 for a new file.
    case opened(FileOffset)
    /// Nothing is at the path. Polls keep looking; reported once until a file appears.
    case fileMissing
    /// The followed file was replaced at the path (rotation by rename): it was read to its
    /// end, `from`, and following went on in the new file at `to` (offset 0).
    case rotated(from: FileOffset, to: FileOffset)
    /// The followed file shrank below the read position, or its first bytes changed (copytruncate,
    /// or a new file that took over the inode). Reading restarts at offset 0 unless a copy
    /// of the old contents is found, which `foundRotatedFile` then reports.
    case truncated(FileOffset)
    /// The unread rest of the followed file was found under another name in the same
    /// directory (`access.log.1`, a copytruncate copy, …). It is read to its end before the
    /// file at the path.
    case foundRotatedFile(path: String, at: FileOffset)
    /// The file of the saved offset is neither at the path nor beside it (deleted, compressed,
    /// moved away). Whatever it held after the offset is lost; following starts at offset 0
    /// of the file at the path.
    case rotatedFileLost(FileOffset)
    /// A line longer than `maxLineBytes` was dropped: where it starts and its length without
    /// the newline.
    case lineSkipped(at: FileOffset, length: Int)
}
