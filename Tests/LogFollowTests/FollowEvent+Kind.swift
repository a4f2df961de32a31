@testable import LogFollow

extension FollowEvent {
    /// The event's case without its payload, to check which events happened in which order.
    var kind: String {
        switch self {
        case .opened: "opened"
        case .fileMissing: "fileMissing"
        case .rotated: "rotated"
        case .truncated: "truncated"
        case .foundRotatedFile: "foundRotatedFile"
        case .rotatedFileLost: "rotatedFileLost"
        case .lineSkipped: "lineSkipped"
        }
    }
}
