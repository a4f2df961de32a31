import AccessLogs
import Config
import LogFollow
import Logging
import Storage

/// Follows one access-log file into the log store. Each poll's complete lines are parsed
/// and stored in one transaction together with the file position after them, so a
/// restart resumes exactly there: no line lost, none stored twice. A line that is not a
/// record cannot be refused to anyone, so it is skipped, counted and logged with its
/// position; the position still moves past it.
struct AccessLogTailer {
    let file: AccessLogFile
    private var follower: FileFollower
    private let logs: LogStore
    private let logger: Logger
    private(set) var skippedLines = 0

    /// Bytes read per poll: bounds memory while a large backlog is consumed in steps.
    static let maxBytesPerPoll = 4 << 20
    static let maxLineBytes = 1 << 20

    init(file: AccessLogFile, logs: LogStore, logger: Logger) async throws {
        self.file = file
        self.logs = logs
        self.logger = logger
        let resume = try await logs.followedOffset(path: file.path).map(Self.fileOffset)
        follower = FileFollower(path: file.path, resumeFrom: resume, maxLineBytes: Self.maxLineBytes)
        logger.info("following access log", metadata: [
            "path": "\(file.path)", "resume": "\(resume.map { "\($0)" } ?? "from the start")",
        ])
    }

    /// Reads and stores what is new; returns true when more is already waiting.
    mutating func poll() async throws -> Bool {
        var next = follower
        let batch = try next.poll(maxBytes: Self.maxBytesPerPoll)
        for event in batch.events { log(event) }
        guard let offset = batch.offset else { return false }
        var records: [AccessLogRecord] = []
        records.reserveCapacity(batch.lines.count)
        for line in batch.lines {
            var bytes = line[...]
            if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            do {
                records.append(try AccessLogParser.parse(line: bytes, defaultService: file.service))
            } catch {
                skippedLines += 1
                logger.warning("access-log line skipped", metadata: ["path": "\(file.path)", "error": "\(error)"])
            }
        }
        // Committed only with the records: a failed append leaves the follower where it was.
        try await logs.append(records, followed: Self.followed(offset, path: file.path))
        follower = next
        return batch.hasMore
    }

    private func log(_ event: FollowEvent) {
        switch event {
        case .fileMissing:
            logger.info("access log missing; waiting for it", metadata: ["path": "\(file.path)"])
        case .rotatedFileLost, .lineSkipped:
            logger.warning("access log: \(event)", metadata: ["path": "\(file.path)"])
        default:
            logger.info("access log: \(event)", metadata: ["path": "\(file.path)"])
        }
    }

    static func fileOffset(_ stored: FollowedFileOffset) -> FileOffset {
        FileOffset(device: stored.device, inode: stored.inode, offset: stored.offset,
                   headLength: stored.headLength, headHash: stored.headHash)
    }

    static func followed(_ offset: FileOffset, path: String) -> FollowedFileOffset {
        FollowedFileOffset(path: path, device: offset.device, inode: offset.inode, offset: offset.offset,
                           headLength: offset.headLength, headHash: offset.headHash)
    }
}
