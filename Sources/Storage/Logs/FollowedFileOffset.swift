/// How far a tailed access-log file has been read: the file's path, its identity (device
/// and inode; a different one at the same path means the file was rotated), a fingerprint
/// of its first bytes (inodes are reused, and copytruncate rewrites a file in place), and
/// the byte offset just past the last complete line stored. Committed together with that
/// line's record. The fields mirror LogFollow's `FileOffset`, which Storage does not import.
public struct FollowedFileOffset: Sendable, Hashable {
    public var path: String
    /// `st_dev` of the file.
    public var device: UInt64
    /// `st_ino` of the file.
    public var inode: UInt64
    /// Byte offset of the first byte not stored yet: the start of the next line.
    public var offset: Int64
    /// How many bytes at the start of the file `headHash` covers; 0 for no fingerprint.
    public var headLength: Int
    /// FNV-1a 64 of the first `headLength` bytes.
    public var headHash: UInt64

    public init(path: String, device: UInt64 = 0, inode: UInt64, offset: Int64, headLength: Int = 0, headHash: UInt64 = 0) {
        self.path = path
        self.device = device
        self.inode = inode
        self.offset = offset
        self.headLength = headLength
        self.headHash = headHash
    }
}
