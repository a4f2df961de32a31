import Foundation

/// A size-limited tmpfs mounted on a new directory, for disk-full tests. Mounting needs
/// root with CAP_SYS_ADMIN (a container may refuse it): `canMount` probes once.
struct SizeLimitedMount {
    let path: String

    static let canMount: Bool = {
        guard getuid() == 0, let probe = try? SizeLimitedMount(megabytes: 1) else { return false }
        probe.unmount()
        return true
    }()

    init(megabytes: Int) throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("meshscope-full-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let status = Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", path])
        guard status == 0 else {
            try? FileManager.default.removeItem(atPath: path)
            throw E2EFailure("mount -t tmpfs failed with status \(status)")
        }
    }

    func unmount() {
        _ = Self.run("/bin/umount", [path])
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `name` until the filesystem refuses (ENOSPC); returns the bytes written.
    func fill(_ name: String) -> Int {
        let fd = open((path as NSString).appendingPathComponent(name), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0xAB, count: 4096)
        var total = 0
        while total < 1 << 30 {
            let written = chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written <= 0 { break }
            total += written
        }
        return total
    }

    func remove(_ name: String) {
        try? FileManager.default.removeItem(atPath: (path as NSString).appendingPathComponent(name))
    }

    private static func run(_ executable: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
