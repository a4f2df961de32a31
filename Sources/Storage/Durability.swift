/// How far an acknowledged write is safe.
public enum Durability: String, Sendable, Hashable {
    /// WAL with `synchronous=NORMAL`: a commit survives a killed process, and the last
    /// commits may be lost on power failure. SQLite's default for WAL, and ours.
    case normal
    /// WAL with `synchronous=FULL`: every commit is fsynced, surviving power loss.
    case full

    var synchronousPragma: String {
        switch self {
        case .normal: "NORMAL"
        case .full: "FULL"
        }
    }
}
