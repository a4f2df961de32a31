/// A hash of a file's first bytes, to tell the file an offset was taken in from a file that
/// took over its inode, or from the same inode rewritten by copytruncate.
struct HeadFingerprint: Sendable, Hashable {
    /// Bytes covered once a file is long enough. Access-log lines start with a timestamp,
    /// so a few hundred bytes tell two files apart; more would only cost reads.
    static let maxLength = 256

    static let empty = HeadFingerprint(length: 0, hash: 0)

    /// Bytes at the start of the file that `hash` covers.
    var length: Int
    /// FNV-1a 64 of those bytes: fixed constants, so the value can be stored and compared
    /// by another process (Swift's `Hasher` is seeded per process).
    var hash: UInt64

    init(length: Int, hash: UInt64) {
        self.length = length
        self.hash = hash
    }

    init(of bytes: [UInt8]) {
        guard !bytes.isEmpty else {
            self = .empty
            return
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        self.init(length: bytes.count, hash: hash)
    }

    init(of offset: FileOffset) {
        self.init(length: offset.headLength, hash: offset.headHash)
    }

    /// Whether `file` still starts with the bytes this fingerprint was taken from. An empty
    /// fingerprint matches every file.
    func matches(_ file: OpenFile) throws(FollowError) -> Bool {
        guard length > 0 else { return true }
        let head = try file.read(at: 0, count: length)
        return head.count == length && HeadFingerprint(of: head) == self
    }

    /// The fingerprint of `file` over the first `length` bytes, or nil when it is shorter.
    static func of(_ file: OpenFile, length: Int) throws(FollowError) -> HeadFingerprint? {
        let head = try file.read(at: 0, count: length)
        return head.count == length ? HeadFingerprint(of: head) : nil
    }
}
