import Foundation
import Testing
@testable import LogFollow

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A temporary directory for a test's log files, removed when the test lets go of it, with
/// the file operations writers and logrotate perform.
final class LogDirectory {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "logfollow-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        try #require(created != nil, "mkdtemp failed: errno \(errno)")
        path = String(cString: created!)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The full path of `name` in the directory.
    func pathOf(_ name: String) -> String {
        path + "/" + name
    }

    /// A follower of `name` in this directory.
    func follower(_ name: String = "access.log", from offset: FileOffset? = nil, maxLineBytes: Int = 1024) -> FileFollower {
        FileFollower(path: pathOf(name), resumeFrom: offset, maxLineBytes: maxLineBytes)
    }

    /// Appends `text` the way a writer that opens the file for each write does.
    func append(_ text: String, to name: String = "access.log") throws {
        let writer = try LogWriter(path: pathOf(name))
        try writer.append(text)
    }

    /// What `name` holds now.
    func contents(of name: String) throws -> String {
        try String(contentsOfFile: pathOf(name), encoding: .utf8)
    }

    /// Rotation by rename, as logrotate's default `create` does before the writer reopens.
    func renameFile(_ name: String, to newName: String) throws {
        try #require(rename(pathOf(name), pathOf(newName)) == 0, "rename failed: errno \(errno)")
    }

    /// logrotate's `copytruncate`: copy the contents aside, then empty the file in place.
    func copyTruncate(_ name: String = "access.log", copyTo copyName: String) throws {
        try FileManager.default.copyItem(atPath: pathOf(name), toPath: pathOf(copyName))
        try truncateFile(name)
    }

    /// Empties `name` in place: same inode, size 0.
    func truncateFile(_ name: String = "access.log") throws {
        try #require(truncate(pathOf(name), 0) == 0, "truncate failed: errno \(errno)")
    }

    func remove(_ name: String) throws {
        try FileManager.default.removeItem(atPath: pathOf(name))
    }
}
