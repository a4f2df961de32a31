/// Where a `FileFollower` stands: which file, and the byte offset of the next line it has
/// not returned yet. The caller stores it in the same transaction as the lines it consumed
/// and hands it back to `FileFollower(path:resumeFrom:maxLineBytes:)` after a restart.
///
/// A file is recognised by device and inode. Inodes are reused once a file is deleted, and
/// copytruncate rewrites a file in place, so the offset also carries a fingerprint of the
/// file's first bytes (at most 256, never more than were read): a file whose first bytes
/// differ is not the one the offset was taken in.
///
/// All fields are plain integers so they fit any store; `UInt64` values that do not fit a
/// signed column round-trip through `Int64(bitPattern:)` and `UInt64(bitPattern:)`.
public struct FileOffset: Sendable, Hashable {
    /// `st_dev` of the file.
    public var device: UInt64
    /// `st_ino` of the file.
    public var inode: UInt64
    /// Byte offset of the first byte not yet returned: the start of the next line.
    public var offset: Int64
    /// How many bytes at the start of the file `headHash` covers; 0 means no fingerprint,
    /// and the file is recognised by device and inode alone.
    public var headLength: Int
    /// FNV-1a (64 bit) of the first `headLength` bytes; 0 when `headLength` is 0. The hash
    /// is fixed, not seeded per process, so a stored value stays comparable.
    public var headHash: UInt64

    public init(device: UInt64, inode: UInt64, offset: Int64, headLength: Int = 0, headHash: UInt64 = 0) {
        self.device = device
        self.inode = inode
        self.offset = offset
        self.headLength = headLength
        self.headHash = headHash
    }
}

extension FileOffset: CustomStringConvertible {
    public var description: String {
        "dev \(device) inode \(inode) offset \(offset)"
    }
}
