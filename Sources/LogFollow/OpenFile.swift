#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open, read-only descriptor on a regular file, closed when the last reference goes.
///
/// Holding the descriptor is what lets a follower finish a file after it was renamed or
/// deleted. Reads use `pread` at explicit offsets and never move a shared file position, so
/// followers copied from one another can share an `OpenFile` safely.
final class OpenFile: Sendable {
    /// The name the file was opened under; it may have been renamed since.
    let path: String
    let descriptor: Int32
    let device: UInt64
    let inode: UInt64

    private init(path: String, descriptor: Int32, status: FileStatus) {
        self.path = path
        self.descriptor = descriptor
        self.device = status.device
        self.inode = status.inode
    }

    deinit {
        close(descriptor)
    }

    /// Opens the regular file at `path`, or returns nil when nothing is there.
    static func open(_ path: String) throws(FollowError) -> OpenFile? {
        // O_NONBLOCK so that a FIFO at the path cannot block the poll; it is rejected below.
        let descriptor = Self.systemOpen(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let errorNumber = errno
            if errorNumber == ENOENT || errorNumber == ENOTDIR { return nil }
            throw .system("open", path: path, errorNumber: errorNumber)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let errorNumber = errno
            close(descriptor)
            throw .system("fstat", path: path, errorNumber: errorNumber)
        }
        let fileStatus = FileStatus(status)
        guard fileStatus.isRegularFile else {
            close(descriptor)
            throw FollowError(path: path, reason: "not a regular file")
        }
        return OpenFile(path: path, descriptor: descriptor, status: fileStatus)
    }

    private static func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
        #if canImport(Glibc)
        Glibc.open(path, flags)
        #else
        Darwin.open(path, flags)
        #endif
    }

    /// The file's current size.
    func size() throws(FollowError) -> Int64 {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .system("fstat", path: path, errorNumber: errno)
        }
        return Int64(status.st_size)
    }

    func isSameFile(as status: FileStatus) -> Bool {
        status.isSameFile(device: device, inode: inode)
    }

    func isSameFile(as other: OpenFile) -> Bool {
        device == other.device && inode == other.inode
    }

    /// Up to `count` bytes from `offset`; fewer only at the end of the file.
    func read(at offset: Int64, count: Int) throws(FollowError) -> [UInt8] {
        guard count > 0 else { return [] }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            while initialized < count {
                let result = pread(
                    descriptor, buffer.baseAddress! + initialized, count - initialized,
                    off_t(offset + Int64(initialized)))
                if result > 0 {
                    initialized += result
                } else if result == 0 {
                    return
                } else if errno != EINTR {
                    failure = errno
                    return
                }
            }
        }
        if failure != 0 { throw .system("read", path: path, errorNumber: failure) }
        return bytes
    }
}
