/// What one `FileFollower.poll(maxBytes:)` found.
///
/// Store `lines` and `offset` in one transaction: a follower created from that offset after
/// a restart returns exactly the lines after these.
public struct FollowBatch: Sendable {
    /// Complete lines in file order, without their newline, every other byte exact (a
    /// `\r` before the newline is kept, empty lines are returned). They may come from two
    /// files when the poll crossed a rotation.
    public var lines: [[UInt8]]
    /// The position after `lines`, to persist with them. Persist it even when `lines` is
    /// empty: a skipped line, a rotation or a truncation moves it too. Nil only while no file
    /// has ever been found and no offset was given to resume from.
    public var offset: FileOffset?
    /// What happened on the way, for the caller's log.
    public var events: [FollowEvent]
    /// True when `maxBytes` stopped the poll before the end of the data already there: poll
    /// again soon rather than waiting for the next tick.
    public var hasMore: Bool

    public init(lines: [[UInt8]] = [], offset: FileOffset? = nil, events: [FollowEvent] = [], hasMore: Bool = false) {
        self.lines = lines
        self.offset = offset
        self.events = events
        self.hasMore = hasMore
    }
}
