#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file system call failed for a reason other than the file not being there (a missing
/// file is not an error for a follower: it waits for the file to appear).
public struct FollowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path the call was made on.
    public var path: String
    /// What failed and why, e.g. `open: Permission denied`.
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// A failed system call, described by its `errno`.
    static func system(_ call: String, path: String, errorNumber: Int32) -> FollowError {
        FollowError(path: path, reason: "\(call): \(String(cString: strerror(errorNumber)))")
    }

    public var description: String { "\(path): \(reason)" }
}
