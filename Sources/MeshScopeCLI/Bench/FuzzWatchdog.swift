import Foundation
import Synchronization

/// Watches `bench fuzz`'s current input from another thread: one running longer than
/// `limit` seconds is written to `directory` as `hang-PARSER.bin`, reported, and counted;
/// after 4× the limit the process exits (status 3), since the parser will not return.
final class FuzzWatchdog: Sendable {
    private struct Current {
        var parser = ""
        var input: [UInt8] = []
        var started: ContinuousClock.Instant?
        var reported = false
        var hangs: [String: Int] = [:]
    }

    let limit: Double
    let directory: String
    private let current = Mutex(Current())

    init(limit: Double, directory: String) {
        self.limit = limit
        self.directory = directory
    }

    func begin(_ parser: String, _ input: [UInt8]) {
        current.withLock {
            $0.parser = parser
            $0.input = input
            $0.started = ContinuousClock.now
            $0.reported = false
        }
    }

    func end() {
        current.withLock { $0.started = nil }
    }

    func hangs(of parser: String) -> Int {
        current.withLock { $0.hangs[parser, default: 0] }
    }

    func start() {
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.25)
                check()
            }
        }
        thread.start()
    }

    private func check() {
        let now = ContinuousClock.now
        let report: (String, [UInt8], Bool)? = current.withLock { state in
            guard let started = state.started else { return nil }
            let running = (now - started).seconds
            if running > 4 * limit { return (state.parser, state.input, true) }
            guard running > limit, !state.reported else { return nil }
            state.reported = true
            state.hangs[state.parser, default: 0] += 1
            return (state.parser, state.input, false)
        }
        guard let (parser, input, fatal) = report else { return }
        let path = (directory as NSString).appendingPathComponent("hang-\(parser).bin")
        try? Data(input).write(to: URL(fileURLWithPath: path))
        FileHandle.standardError.write(Data("bench fuzz: \(parser) ran over \(limit)s on a \(input.count)-byte input, saved to \(path)\n".utf8))
        if fatal { exit(3) }
    }
}
