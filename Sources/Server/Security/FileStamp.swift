import Foundation

/// What tells a changed file from an unchanged one without reading it: modification
/// time, size and inode (a renamed-in replacement, as `kubectl` secrets do, changes it).
struct FileStamp: Equatable, Sendable {
    let path: String
    let modified: Double?
    let size: Int64?
    let inode: UInt64?

    init(path: String) {
        self.path = path
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970
        size = (attributes?[.size] as? NSNumber)?.int64Value
        inode = (attributes?[.systemFileNumber] as? NSNumber)?.uint64Value
    }
}
