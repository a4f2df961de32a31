#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Writes access-log lines to stdout or a file. `write` only buffers (it runs on the
/// request path); the lines reach the file when `run()` flushes, at least every
/// `flushInterval` (1 s by default) and as soon as `flushBytes` are waiting. The buffer
/// is bounded: beyond `maxBufferedLines` the oldest lines are dropped and counted.
public final class AccessLogWriter: Sendable {
    public let output: AccessLogOutput
    public let flushInterval: Duration
    private let flushBytes: Int
    private let fd: Int32
    private let buffer: Mutex<Buffer>
    /// Serialises the system calls, so lines of two flushes never interleave.
    private let writing = Mutex(())
    private let wakeups: AsyncStream<Void>
    private let wake: AsyncStream<Void>.Continuation

    struct Buffer {
        var lines: BoundedQueue<String>
        var bytes = 0
        var stopping = false
        var writeErrors = 0
    }

    public struct OpenError: Error, CustomStringConvertible {
        public let path: String
        public let errno: Int32
        public var description: String { "cannot open access log \(path): errno \(errno)" }
    }

    public init(output: AccessLogOutput, flushInterval: Duration = .seconds(1), flushBytes: Int = 64 * 1024,
                maxBufferedLines: Int = 10_000) throws {
        switch output {
        case .stdout:
            fd = 1
        case .file(let path):
            let opened = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
            guard opened >= 0 else { throw OpenError(path: path, errno: errno) }
            fd = opened
        }
        self.output = output
        self.flushInterval = flushInterval
        self.flushBytes = max(1, flushBytes)
        buffer = Mutex(Buffer(lines: BoundedQueue(capacity: maxBufferedLines)))
        (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    deinit {
        if case .file = output { close(fd) }
    }

    /// Buffers one record (a line without its newline).
    public func write(_ line: String) {
        let due = buffer.withLock { b -> Bool in
            b.lines.append(line)
            b.bytes += line.utf8.count + 1
            return b.bytes >= flushBytes
        }
        if due { wake.yield() }
    }

    /// Writes every buffered line now.
    public func flush() {
        writing.withLock { _ in
            let lines = buffer.withLock { b -> [String] in
                b.bytes = 0
                return b.lines.popFirst(b.lines.count)
            }
            guard !lines.isEmpty else { return }
            var out: [UInt8] = []
            out.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
            for line in lines {
                out.append(contentsOf: line.utf8)
                out.append(0x0a)
            }
            if !Self.writeAll(fd, out) { buffer.withLock { $0.writeErrors += 1 } }
        }
    }

    /// Flushes every `flushInterval` and whenever enough is buffered, until `shutdown()`.
    public func run() async {
        let interval = flushInterval
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [wake] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    wake.yield()
                }
            }
            for await _ in wakeups {
                flush()
                if buffer.withLock({ $0.stopping }) { break }
            }
            group.cancelAll()
        }
        flush()
    }

    /// Writes what is left and ends `run()`.
    public func shutdown() async {
        buffer.withLock { $0.stopping = true }
        flush()
        wake.yield()
        wake.finish()
    }

    /// Lines dropped because the buffer was full.
    public var droppedLines: Int { buffer.withLock { $0.lines.dropped } }
    /// Flushes that failed to write (disk full, closed pipe).
    public var writeErrors: Int { buffer.withLock { $0.writeErrors } }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }
}

/// `write(2)`, named apart from `AccessLogWriter.write(_:)`.
private func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, pointer, count)
}
