#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says about a file: enough to recognise it and to see it grow.
struct FileStatus: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var isRegularFile: Bool

    init(_ status: stat) {
        device = UInt64(truncatingIfNeeded: status.st_dev)
        inode = UInt64(truncatingIfNeeded: status.st_ino)
        size = Int64(status.st_size)
        isRegularFile = (status.st_mode & S_IFMT) == S_IFREG
    }

    /// The file at `path` (following symlinks), or nil when nothing is there.
    static func at(_ path: String) throws(FollowError) -> FileStatus? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            let errorNumber = errno
            if errorNumber == ENOENT || errorNumber == ENOTDIR { return nil }
            throw .system("stat", path: path, errorNumber: errorNumber)
        }
        return FileStatus(status)
    }

    func isSameFile(device: UInt64, inode: UInt64) -> Bool {
        self.device == device && self.inode == inode
    }
}
