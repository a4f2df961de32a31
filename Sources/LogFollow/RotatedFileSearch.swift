import Foundation

/// Looks beside a followed path for the file a saved position was taken in, after it was
/// renamed away (`access.log.1`, `access.log-20250101`) or copied by copytruncate.
///
/// Candidates are the regular files in the same directory whose name starts with the
/// path's base name. Rotated files that were compressed or moved to another directory are
/// not found: their inode and first bytes differ.
enum RotatedFileSearch {
    /// The sibling of `path` that holds the unread rest of a file, opened, or nil.
    ///
    /// - Parameters:
    ///   - identity: device and inode of the file, when it may have been renamed. A file
    ///     with that identity wins over any copy.
    ///   - head: fingerprint of the file's first bytes. The match must start with them;
    ///     with an empty fingerprint only the identity can match, since a copy cannot be told
    ///     from any other file.
    ///   - minimumSize: the match must hold at least this many bytes (the read position).
    ///   - excludedInode: an inode that is not a copy (the truncated file itself).
    static func find(
        identity: (device: UInt64, inode: UInt64)?,
        head: HeadFingerprint,
        minimumSize: Int64,
        beside path: String,
        excludingInode excludedInode: UInt64? = nil
    ) -> OpenFile? {
        var copies: [String] = []
        for sibling in siblings(of: path) {
            guard let status = try? FileStatus.at(sibling), status.isRegularFile,
                  status.size >= minimumSize, status.size >= Int64(head.length)
            else { continue }
            if let identity, status.isSameFile(device: identity.device, inode: identity.inode) {
                if let file = verified(sibling, identity: identity, head: head) { return file }
            } else if head.length > 0, status.inode != excludedInode {
                copies.append(sibling)
            }
        }
        for copy in copies {
            if let file = verified(copy, identity: nil, head: head) { return file }
        }
        return nil
    }

    /// Opens `path` and checks, on the open descriptor, that it is still the file looked for:
    /// it may have been renamed again between `stat` and `open`. Files that cannot be opened
    /// are passed over; they cannot be read anyway.
    private static func verified(
        _ path: String, identity: (device: UInt64, inode: UInt64)?, head: HeadFingerprint
    ) -> OpenFile? {
        guard let file = try? OpenFile.open(path) else { return nil }
        if let identity, file.device != identity.device || file.inode != identity.inode { return nil }
        guard (try? head.matches(file)) == true else { return nil }
        return file
    }

    /// Paths in the directory of `path` whose name starts with its base name, in name order
    /// so that the choice between equal candidates does not depend on the directory order.
    static func siblings(of path: String) -> [String] {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let baseName = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !baseName.isEmpty,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else { return [] }
        let prefix = slash.map { String(path[...$0]) } ?? ""
        return names
            .filter { $0.hasPrefix(baseName) && $0 != baseName }
            .sorted()
            .map { prefix + $0 }
    }
}
