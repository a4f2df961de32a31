import Foundation
import Storage
import Testing

/// The `flock` on `DIR/LOCK` that keeps `import` off a directory a server owns.
@Suite("Data directory lock")
struct DataDirectoryLockTests {
    /// Takes a second lock on `directory`; returns the error it was refused with, if any.
    private func secondLock(_ directory: String) -> StorageError? {
        do {
            let lock = try DataDirectoryLock(directory: directory)
            _ = lock
            return nil
        } catch {
            return error
        }
    }

    @Test("a second lock on the same directory is refused with .locked until the first is released")
    func exclusive() async throws {
        try await withTemporaryDirectory { directory in
            var first: DataDirectoryLock? = try DataDirectoryLock(directory: directory)
            #expect(first?.path == (directory as NSString).appendingPathComponent("LOCK"))
            #expect(FileManager.default.fileExists(atPath: first!.path))

            for _ in 1 ... 2 {
                let refusal = secondLock(directory)
                guard case .locked(let message)? = refusal else {
                    Issue.record("expected .locked, got \(String(describing: refusal))")
                    return
                }
                #expect(message.contains(directory))
            }
            // The lock file records the owner's pid.
            let owner = try String(contentsOfFile: first!.path, encoding: .utf8)
            #expect(owner == "\(ProcessInfo.processInfo.processIdentifier)\n")

            first = nil
            #expect(secondLock(directory) == nil)
            // And once that one is gone too, the next one succeeds again.
            let third = try DataDirectoryLock(directory: directory)
            withExtendedLifetime(third) {
                #expect(secondLock(directory) != nil)
            }
        }
    }

    @Test("different directories do not block each other; a missing directory is created")
    func independentDirectories() async throws {
        try await withTemporaryDirectory { directory in
            let one = try DataDirectoryLock(directory: directory + "/one")
            let two = try DataDirectoryLock(directory: directory + "/nested/two")
            #expect(FileManager.default.fileExists(atPath: directory + "/nested/two/LOCK"))
            #expect(secondLock(directory + "/one") != nil)
            #expect(secondLock(directory + "/nested/two") != nil)
            withExtendedLifetime((one, two)) {}
        }
    }

    @Test("a path that cannot be a directory is reported as a data directory error")
    func unusableDirectory() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory + "/plain-file"
            #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
            guard case .dataDirectory? = secondLock(file) else {
                Issue.record("expected .dataDirectory")
                return
            }
        }
    }
}
