@testable import LogFollow

/// Everything some polls returned, with the lines as text.
struct Drained {
    var lines: [String] = []
    var events: [FollowEvent] = []
    var offset: FileOffset?
    var polls = 0
}
