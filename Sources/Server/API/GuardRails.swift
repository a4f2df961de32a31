import Dispatch
import Foundation
import PromQL
import Synchronization

/// A query in flight: what `/api/v1/status/running_queries` lists, and the flag its
/// evaluation polls to stop when cancelled or out of time.
final class RunningQuery: Sendable {
    enum Stop: UInt8 { case none, canceled, timedOut }

    let id: Int
    let query: String
    let kind: String
    let parameters: [(String, String)]
    /// Wall-clock start in milliseconds, and a monotonic one for durations.
    let startedAt: Int64
    let started = ContinuousClock.now
    private let stop = Atomic<UInt8>(Stop.none.rawValue)
    private let queued = Atomic<Bool>(false)

    init(id: Int, query: String, kind: String, parameters: [(String, String)]) {
        self.id = id
        self.query = query
        self.kind = kind
        self.parameters = parameters
        self.startedAt = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// The first reason wins: a query cancelled after its deadline stays timed out.
    func requestStop(_ reason: Stop) {
        _ = stop.compareExchange(expected: Stop.none.rawValue, desired: reason.rawValue, ordering: .relaxed)
    }

    /// Cheap enough for the evaluator to call at every step.
    var isStopped: Bool { stop.load(ordering: .relaxed) != Stop.none.rawValue }

    /// Prometheus' `ErrQueryCanceled` and `ErrQueryTimeout` messages.
    var stopError: EngineError? { stopError(in: "expression evaluation") }

    /// The same, naming where the query was stopped (`query queue` while it waited).
    func stopError(in phase: String) -> EngineError? {
        switch Stop(rawValue: stop.load(ordering: .relaxed)) {
        case .canceled: EngineError(.canceled, "query was canceled in \(phase)")
        case .timedOut: EngineError(.timeout, "query timed out in \(phase)")
        default: nil
        }
    }

    /// Waiting for a slot (`query.max_concurrency`) rather than evaluating.
    var isQueued: Bool {
        get { queued.load(ordering: .relaxed) }
        set { queued.store(newValue, ordering: .relaxed) }
    }

    var elapsedSeconds: Double {
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

/// The registry of running queries, by id.
final class RunningQueries: Sendable {
    private let state = Mutex<(nextID: Int, queries: [Int: RunningQuery])>((1, [:]))

    func start(query: String, kind: String, parameters: [(String, String)]) -> RunningQuery {
        state.withLock { state in
            let running = RunningQuery(id: state.nextID, query: query, kind: kind, parameters: parameters)
            state.nextID += 1
            state.queries[running.id] = running
            return running
        }
    }

    func finish(_ running: RunningQuery) {
        _ = state.withLock { $0.queries.removeValue(forKey: running.id) }
    }

    var all: [RunningQuery] {
        state.withLock { $0.queries.values.sorted { $0.id < $1.id } }
    }

    /// Cancels a running query; false when no query has that id (any more).
    func cancel(id: Int) -> Bool {
        guard let running = state.withLock({ $0.queries[id] }) else { return false }
        running.requestStop(.canceled)
        return true
    }
}

/// One query that took at least `query.slow_query_threshold`, with its cost.
struct SlowQueryEntry: Sendable {
    var id: Int
    var query: String
    var kind: String
    var parameters: [(String, String)]
    var startedAt: Int64
    var durationSeconds: Double
    var seriesTouched: Int
    var samplesDecoded: Int
    /// `success`, or the error type it was answered with.
    var outcome: String
    var error: String?

    var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("id", .string(String(id))),
            ("query", .string(query)),
            ("type", .string(kind)),
            ("params", .object(parameters.map { ($0.0, .string($0.1)) })),
            ("started", .string(RFC3339.format(startedAt))),
            ("duration", .number(durationSeconds)),
            ("seriesTouched", .integer(seriesTouched)),
            ("samplesDecoded", .integer(samplesDecoded)),
            ("status", .string(outcome)),
        ]
        if let error { members.append(("error", .string(error))) }
        return .object(members)
    }
}

/// The newest slow queries, at most `capacity` (read from the config at each record,
/// so a reload resizes it).
final class SlowQueryLog: Sendable {
    private let entries = Mutex<[SlowQueryEntry]>([])

    func record(_ entry: SlowQueryEntry, capacity: Int) {
        entries.withLock { entries in
            entries.append(entry)
            if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        }
    }

    /// Newest first.
    var all: [SlowQueryEntry] {
        entries.withLock { $0.reversed() }
    }
}

/// Where PromQL queries run. Evaluation is synchronous CPU work and SQLite reads block
/// their thread; on Swift's cooperative pool (one thread per core) two slow queries
/// would stall every HTTP request and scrape loop. This executor runs query tasks on
/// Dispatch's worker threads instead, leaving the cooperative pool to the rest.
final class QueryThreads: TaskExecutor {
    static let shared = QueryThreads()

    // DispatchQueue is thread-safe and Sendable; `let` makes the class Sendable.
    private let queue = DispatchQueue(label: "meshscope.query", qos: .userInitiated, attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async {
            job.runSynchronously(on: executor)
        }
    }

    /// Runs `body` with its non-isolated async calls preferring these threads.
    static func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try await withTaskExecutorPreference(shared) {
            try await body()
        }
    }
}
